/** Go producer and consumer group on IBM/sarama, with the settings sarama needs for idempotence. */
import { P_BOOTSTRAP, P_GROUP, P_TOPIC, lines } from './common';
import { checkGoModule, checkLabel, str } from './params';
import type { Params, Template } from './types';

export const SARAMA_VERSION = 'v1.61.1';
/** SCRAM for sarama's SASL/SCRAM-SHA-512 (sarama leaves the SCRAM client to the application). */
const SCRAM_VERSION = 'v1.4.0';

const SECURITY_GO = `package kafkaconfig

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"strings"

	"github.com/IBM/sarama"
	"github.com/xdg-go/scram"
)

// ApplySecurity configures TLS and SASL from KAFKA_SECURITY: none; tls (mutual TLS with the Strimzi
// cluster CA and the KafkaUser certificate, as mounted by the generated Deployment); scram-sha-512
// (KAFKA_USERNAME / KAFKA_PASSWORD over TLS, or without TLS when KAFKA_TLS=false). File locations:
// KAFKA_CA_FILE, KAFKA_CERT_FILE, KAFKA_KEY_FILE.
func ApplySecurity(cfg *sarama.Config) error {
	switch mode := Env("KAFKA_SECURITY", "none"); mode {
	case "none":
		return nil
	case "tls":
		t, err := tlsConfig()
		if err != nil {
			return err
		}
		cert, err := tls.LoadX509KeyPair(Env("KAFKA_CERT_FILE", "/etc/kafka/user/user.crt"), Env("KAFKA_KEY_FILE", "/etc/kafka/user/user.key"))
		if err != nil {
			return fmt.Errorf("client certificate (KAFKA_CERT_FILE, KAFKA_KEY_FILE): %w", err)
		}
		t.Certificates = []tls.Certificate{cert}
		cfg.Net.TLS.Enable = true
		cfg.Net.TLS.Config = t
		return nil
	case "scram-sha-512":
		user, password := Env("KAFKA_USERNAME", ""), Env("KAFKA_PASSWORD", "")
		if user == "" || password == "" {
			return fmt.Errorf("KAFKA_SECURITY=scram-sha-512 needs KAFKA_USERNAME and KAFKA_PASSWORD")
		}
		if !strings.EqualFold(Env("KAFKA_TLS", "true"), "false") {
			t, err := tlsConfig()
			if err != nil {
				return err
			}
			cfg.Net.TLS.Enable = true
			cfg.Net.TLS.Config = t
		}
		cfg.Net.SASL.Enable = true
		cfg.Net.SASL.Mechanism = sarama.SASLTypeSCRAMSHA512
		cfg.Net.SASL.User = user
		cfg.Net.SASL.Password = password
		cfg.Net.SASL.SCRAMClientGeneratorFunc = func() sarama.SCRAMClient { return &scramSHA512{} }
		return nil
	default:
		return fmt.Errorf("KAFKA_SECURITY must be none, tls or scram-sha-512, not %q", mode)
	}
}

// tlsConfig trusts the cluster CA from KAFKA_CA_FILE.
func tlsConfig() (*tls.Config, error) {
	file := Env("KAFKA_CA_FILE", "/etc/kafka/ca/ca.crt")
	pem, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("cluster CA (KAFKA_CA_FILE): %w", err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("cluster CA (KAFKA_CA_FILE): no PEM certificate in %s", file)
	}
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}, nil
}

// scramSHA512 is the SCRAM conversation sarama asks for, on github.com/xdg-go/scram.
type scramSHA512 struct {
	conversation *scram.ClientConversation
}

func (s *scramSHA512) Begin(user, password, authzID string) error {
	client, err := scram.SHA512.NewClient(user, password, authzID)
	if err != nil {
		return err
	}
	s.conversation = client.NewConversation()
	return nil
}

func (s *scramSHA512) Step(challenge string) (string, error) { return s.conversation.Step(challenge) }

func (s *scramSHA512) Done() bool { return s.conversation.Done() }
`;


function config(p: Params): string {
  return `package kafkaconfig

import (
	"os"
	"strconv"
	"strings"
)

// Settings come from the environment, with the generated defaults.
type Settings struct {
	Brokers []string
	Topic   string
	Group   string
}

// Env returns the value of name, or fallback when it is unset or empty.
func Env(name, fallback string) string {
	if v := strings.TrimSpace(os.Getenv(name)); v != "" {
		return v
	}
	return fallback
}

// EnvInt returns the integer value of name, or fallback.
func EnvInt(name string, fallback int) (int, error) {
	v := Env(name, "")
	if v == "" {
		return fallback, nil
	}
	return strconv.Atoi(v)
}

// Load reads KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC and KAFKA_GROUP_ID.
func Load() Settings {
	return Settings{
		Brokers: strings.Split(Env("KAFKA_BOOTSTRAP_SERVERS", ${JSON.stringify(str(p, 'bootstrap'))}), ","),
		Topic:   Env("KAFKA_TOPIC", ${JSON.stringify(str(p, 'topic'))}),
		Group:   Env("KAFKA_GROUP_ID", ${JSON.stringify(str(p, 'group'))}),
	}
}
`;
}

function producer(p: Params): string {
  return `// Command producer sends MESSAGE_COUNT records to KAFKA_TOPIC with acks=all and idempotence, and exits 1
// when any record was not delivered.
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/IBM/sarama"

	"${str(p, 'module')}/internal/kafkaconfig"
)

func main() {
	s := kafkaconfig.Load()
	count, err := kafkaconfig.EnvInt("MESSAGE_COUNT", 10)
	if err != nil {
		log.Fatalf("MESSAGE_COUNT: %v", err)
	}

	cfg := sarama.NewConfig()
	cfg.ClientID = "${str(p, 'app')}-producer"
	cfg.Version = sarama.V3_6_0_0
	// sarama's defaults are weaker than Java's (acks=1, no idempotence). Idempotence needs all of these:
	cfg.Producer.RequiredAcks = sarama.WaitForAll
	cfg.Producer.Idempotent = true
	cfg.Net.MaxOpenRequests = 1
	cfg.Producer.Retry.Max = 10
	cfg.Producer.Compression = sarama.CompressionZSTD
	// Report every outcome on the Successes and Errors channels (the "callbacks").
	cfg.Producer.Return.Successes = true
	cfg.Producer.Return.Errors = true
	if err := kafkaconfig.ApplySecurity(cfg); err != nil {
		log.Fatalf("security: %v", err)
	}

	producer, err := sarama.NewAsyncProducer(s.Brokers, cfg)
	if err != nil {
		log.Fatalf("producer: %v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	var delivered, failed int
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for range producer.Successes() {
			delivered++
		}
	}()
	go func() {
		defer wg.Done()
		for e := range producer.Errors() {
			// sarama retried Retry.Max times; the record is lost unless the application resends it.
			failed++
			log.Printf("send failed for key %v: %v", e.Msg.Key, e.Err)
		}
	}()

send:
	for i := 0; i < count; i++ {
		msg := &sarama.ProducerMessage{
			Topic: s.Topic,
			Key:   sarama.StringEncoder(fmt.Sprintf("key-%d", i)),
			Value: sarama.StringEncoder(fmt.Sprintf("message-%d", i)),
		}
		select {
		case producer.Input() <- msg:
		case <-ctx.Done():
			log.Printf("stopping: %v", ctx.Err())
			break send
		}
	}
	// AsyncClose flushes buffered records, then closes Successes and Errors once every record is reported.
	// (Close would drain those channels itself, racing the readers above.)
	producer.AsyncClose()
	wg.Wait()
	log.Printf("delivered %d, failed %d", delivered, failed)
	if failed > 0 || delivered < count {
		os.Exit(1)
	}
}
`;
}

function consumer(p: Params): string {
  return `// Command consumer reads KAFKA_TOPIC in consumer group KAFKA_GROUP_ID and prints each value. Offsets are
// marked after processing and committed by hand (auto-commit off); MAX_MESSAGES > 0 stops after that many.
package main

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"github.com/IBM/sarama"

	"${str(p, 'module')}/internal/kafkaconfig"
)

type handler struct {
	max    int64
	seen   atomic.Int64
	cancel context.CancelFunc
}

func (h *handler) Setup(sarama.ConsumerGroupSession) error { return nil }

// Cleanup runs before partitions are handed to another member: commit what was processed.
func (h *handler) Cleanup(session sarama.ConsumerGroupSession) error {
	session.Commit()
	return nil
}

func (h *handler) ConsumeClaim(session sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for {
		select {
		case msg, ok := <-claim.Messages():
			if !ok {
				return nil
			}
			fmt.Println(string(msg.Value))
			session.MarkMessage(msg, "")
			if len(claim.Messages()) == 0 {
				session.Commit() // after each drained batch
			}
			if n := h.seen.Add(1); h.max > 0 && n >= h.max {
				session.Commit()
				h.cancel()
				return nil
			}
		case <-session.Context().Done():
			return nil
		}
	}
}

func main() {
	s := kafkaconfig.Load()
	max, err := kafkaconfig.EnvInt("MAX_MESSAGES", 0)
	if err != nil {
		log.Fatalf("MAX_MESSAGES: %v", err)
	}

	cfg := sarama.NewConfig()
	cfg.ClientID = "${str(p, 'app')}-consumer"
	cfg.Version = sarama.V3_6_0_0
	cfg.Consumer.Offsets.Initial = sarama.OffsetOldest // auto.offset.reset=earliest
	cfg.Consumer.Offsets.AutoCommit.Enable = false     // commit by hand after processing
	cfg.Consumer.Group.Rebalance.GroupStrategies = []sarama.BalanceStrategy{sarama.NewBalanceStrategySticky()}
	cfg.Consumer.Return.Errors = true
	if err := kafkaconfig.ApplySecurity(cfg); err != nil {
		log.Fatalf("security: %v", err)
	}

	group, err := sarama.NewConsumerGroup(s.Brokers, s.Group, cfg)
	if err != nil {
		log.Fatalf("consumer group: %v", err)
	}
	defer func() {
		if err := group.Close(); err != nil {
			log.Printf("close: %v", err)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	go func() {
		for err := range group.Errors() {
			log.Printf("consumer error: %v", err)
		}
	}()

	h := &handler{max: int64(max), cancel: cancel}
	for ctx.Err() == nil {
		// Consume returns at each rebalance; call it again to rejoin.
		if err := group.Consume(ctx, []string{s.Topic}, h); err != nil {
			if errors.Is(err, sarama.ErrClosedConsumerGroup) {
				break
			}
			log.Printf("consume: %v", err)
		}
	}
	log.Printf("consumed %d", h.seen.Load())
}
`;
}

export const goClient: Template = {
  id: 'go-client',
  title: 'Go producer and consumer group (IBM/sarama)',
  description: 'A Go module with an idempotent async producer (acks=all, MaxOpenRequests=1) and a consumer group with manual commits and graceful shutdown',
  params: [
    P_TOPIC,
    P_GROUP,
    P_BOOTSTRAP,
    { key: 'module', type: 'string', default: 'example.com/orders-client', description: 'Go module path', check: checkGoModule },
    { key: 'app', type: 'string', default: 'orders-client', description: 'Project folder name and client.id prefix', check: checkLabel },
    { key: 'saramaVersion', type: 'string', default: SARAMA_VERSION, description: 'github.com/IBM/sarama version', check: (v) => (/^v[0-9]+\.[0-9]+\.[0-9]+$/.test(v) ? undefined : 'must be a Go module version such as v1.61.1') },
  ],
  main: (p) => `${str(p, 'app')}/cmd/producer/main.go`,
  generate(p) {
    const root = str(p, 'app');
    return [
      { path: `${root}/go.mod`, content: lines(`module ${str(p, 'module')}`, '', 'go 1.23', '', 'require (', `\tgithub.com/IBM/sarama ${str(p, 'saramaVersion')}`, `\tgithub.com/xdg-go/scram ${SCRAM_VERSION}`, ')') },
      { path: `${root}/internal/kafkaconfig/config.go`, content: config(p) },
      { path: `${root}/internal/kafkaconfig/security.go`, content: SECURITY_GO },
      { path: `${root}/cmd/producer/main.go`, content: producer(p) },
      { path: `${root}/cmd/consumer/main.go`, content: consumer(p) },
      {
        path: `${root}/README.md`,
        content: lines(
          `# ${root}`,
          '',
          `Producer and consumer group for topic \`${str(p, 'topic')}\` (group \`${str(p, 'group')}\`) on IBM/sarama ${str(p, 'saramaVersion')}.`,
          '',
          '```sh',
          'go mod tidy',
          'MESSAGE_COUNT=10 go run ./cmd/producer',
          'MAX_MESSAGES=10 go run ./cmd/consumer',
          '```',
          '',
          'Environment: `KAFKA_BOOTSTRAP_SERVERS`, `KAFKA_TOPIC`, `KAFKA_GROUP_ID`, `MESSAGE_COUNT`, `MAX_MESSAGES`;',
          '`KAFKA_SECURITY` = `none`, `tls` (mutual TLS: `KAFKA_CA_FILE`, `KAFKA_CERT_FILE`, `KAFKA_KEY_FILE`, by default where the',
          'generated Deployment mounts the Strimzi cluster CA and KafkaUser Secrets) or `scram-sha-512` (`KAFKA_USERNAME`,',
          '`KAFKA_PASSWORD`, over TLS unless `KAFKA_TLS=false`).',
        ),
      },
    ];
  },
};
