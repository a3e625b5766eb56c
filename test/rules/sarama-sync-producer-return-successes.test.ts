import rule from '../../src/core/rules/code/sarama-sync-producer-return-successes';
import { ruleTester } from '../helpers/rule-tester';

const main = (body: string) => `package main\n\nimport "github.com/IBM/sarama"\n\nfunc main() {\n\tcfg := sarama.NewConfig()\n${body}\tp, err := sarama.NewSyncProducer([]string{"b:9092"}, cfg)\n\t_, _ = p, err\n}\n`;

ruleTester(rule, {
  valid: [
    { name: 'returns successes', path: 'main.go', code: main('\tcfg.Producer.Return.Successes = true\n') },
    { name: 'the config comes from another file', path: 'main.go', code: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc main() {\n\tp, _ := sarama.NewSyncProducer(brokers, kafkaconfig.New())\n\t_ = p\n}\n' },
    { name: 'an async producer needs no successes', path: 'main.go', code: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc main() {\n\tcfg := sarama.NewConfig()\n\tp, _ := sarama.NewAsyncProducer(brokers, cfg)\n\t_ = p\n}\n' },
    { name: 'not a Go file', path: 'main.properties', code: 'acks=all\n' },
    { name: 'a nil config (sarama sets Return.Successes itself)', path: 'main.go', code: main('').replace(', cfg)', ', nil)') },
    { name: 'the config is handed to an option first', path: 'main.go', code: main('\tfor _, opt := range opts {\n\t\topt(cfg)\n\t}\n') },
    {
      name: "a config parameter, while the file's NewConfig is another function's",
      path: 'main.go',
      code: 'package main\n\nimport "github.com/IBM/sarama"\n\nfunc consumerConfig() *sarama.Config {\n\tc := sarama.NewConfig()\n\tc.Consumer.Offsets.Initial = sarama.OffsetOldest\n\treturn c\n}\n\nfunc newProducer(brokers []string, cfg *sarama.Config) (sarama.SyncProducer, error) {\n\treturn sarama.NewSyncProducer(brokers, cfg)\n}\n',
    },
  ],
  invalid: [
    {
      name: 'Return.Successes left at its default',
      path: 'main.go',
      code: main(''),
      errors: [{ line: 7, column: 12, severity: 'error', message: /^sarama\.NewSyncProducer needs Producer\.Return\.Successes = true \(sarama's default is false\)/ }],
      output: main('\tcfg.Producer.Return.Successes = true\n'),
    },
    {
      name: 'Return.Successes set to false',
      path: 'main.go',
      code: main('\tcfg.Producer.Return.Successes = false\n'),
      errors: [{ line: 8, column: 12, message: /but this file sets it to false/ }],
      output: main('\tcfg.Producer.Return.Successes = true\n'),
    },
    {
      name: 'Return.Errors turned off',
      path: 'main.go',
      code: main('\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = false\n'),
      errors: [{ line: 9, column: 12, message: /needs Producer\.Return\.Errors = true/ }],
      output: main('\tcfg.Producer.Return.Successes = true\n\tcfg.Producer.Return.Errors = true\n'),
    },
  ],
});
