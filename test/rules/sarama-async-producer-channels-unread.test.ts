import rule from '../../src/core/rules/code/sarama-async-producer-channels-unread';
import { ruleTester } from '../helpers/rule-tester';

const main = (config: string, body: string) =>
  `package main\n\nimport (\n\t"log"\n\n\t"github.com/IBM/sarama"\n)\n\nfunc main() {\n\tcfg := sarama.NewConfig()\n${config}\tp, err := sarama.NewAsyncProducer([]string{"kafka:9092"}, cfg)\n\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n${body}}\n`;

const READ_ERRORS = '\tgo func() {\n\t\tfor e := range p.Errors() {\n\t\t\tlog.Println(e)\n\t\t}\n\t}()\n';
const SEND = '\tp.Input() <- &sarama.ProducerMessage{Topic: "t", Value: sarama.StringEncoder("v")}\n';

ruleTester(rule, {
  valid: [
    { name: 'errors read, closed', path: 'main.go', code: main('', `\tdefer p.Close()\n${READ_ERRORS}${SEND}`) },
    { name: 'errors read in a select', path: 'main.go', code: main('', `\tdefer p.AsyncClose()\n\tselect {\n\tcase p.Input() <- msg:\n\tcase err := <-p.Errors():\n\t\tlog.Println(err)\n\t}\n`) },
    { name: 'Return.Errors turned off', path: 'main.go', code: main('\tcfg.Producer.Return.Errors = false\n', `\tdefer p.Close()\n${SEND}`) },
    {
      name: 'successes and errors read',
      path: 'main.go',
      code: main('\tcfg.Producer.Return.Successes = true\n', `\tdefer p.Close()\n${READ_ERRORS}\tgo func() {\n\t\tfor range p.Successes() {\n\t\t}\n\t}()\n${SEND}`),
    },
    { name: 'handed to another function', path: 'main.go', code: main('', `\tgo drain(p)\n${SEND}`) },
    {
      name: 'the config comes from another package (it may turn Return.Errors off)',
      path: 'main.go',
      code: main('', `\tdefer p.Close()\n${SEND}`).replace('\tcfg := sarama.NewConfig()\n', '\tcfg := kafkacfg.Producer()\n'),
    },
    { name: 'returned', path: 'main.go', code: main('', `\treturn p\n`) },
    { name: 'stored in a struct', path: 'main.go', code: main('', `\ts := &server{producer: p}\n\ts.run()\n`) },
    { name: 'a SyncProducer', path: 'main.go', code: main('', '').replace('NewAsyncProducer', 'NewSyncProducer') },
    { name: 'in a comment', path: 'main.go', code: '// p, err := sarama.NewAsyncProducer(addrs, cfg)\npackage main\n\nimport "github.com/IBM/sarama"\n' },
  ],
  invalid: [
    {
      name: 'errors never read',
      path: 'main.go',
      code: main('', `\tdefer p.Close()\n${SEND}`),
      errors: [{ line: 11, column: 12, endColumn: 35, severity: 'warning', message: /^Nothing reads p\.Errors\(\): with Producer\.Return\.Errors true \(sarama's default\)/ }],
    },
    {
      name: 'successes returned but not read',
      path: 'main.go',
      code: main('\tcfg.Producer.Return.Successes = true\n', `\tdefer p.Close()\n${READ_ERRORS}${SEND}`),
      errors: [{ line: 12, column: 12, message: /^Nothing reads p\.Successes\(\), but this file sets Producer\.Return\.Successes = true/ }],
    },
    {
      name: 'errors never read, nil config (sarama\'s defaults)',
      path: 'main.go',
      code: main('', `\tdefer p.Close()\n${SEND}`).replace('\tcfg := sarama.NewConfig()\n', '').replace(', cfg)', ', nil)'),
      errors: [{ line: 10, column: 12, severity: 'warning', message: /^Nothing reads p\.Errors\(\)/ }],
    },
    {
      name: 'never closed',
      path: 'main.go',
      code: main('', `${READ_ERRORS}${SEND}`),
      errors: [{ line: 11, column: 12, severity: 'info', message: /^p is never closed/ }],
    },
  ],
});
