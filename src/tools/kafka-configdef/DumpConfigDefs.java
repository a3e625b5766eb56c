// Dev-time tool (run by src/tools/gen-kafka-configs.mjs with Java 17's single-file launcher): prints the ConfigDefs
// of the Kafka jars on the classpath as JSON, one object per role. Only facts: names, types, defaults, valid values,
// importance, whether a key is internal and the broker config a topic config falls back to; no documentation text.
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;

public class DumpConfigDefs {
  public static void main(String[] args) throws Exception {
    Map<String, ConfigDef> roles = new LinkedHashMap<>();
    roles.put("producer", def("org.apache.kafka.clients.producer.ProducerConfig", "configDef", null));
    roles.put("consumer", def("org.apache.kafka.clients.consumer.ConsumerConfig", "configDef", null));
    roles.put("admin", def("org.apache.kafka.clients.admin.AdminClientConfig", "configDef", null));
    roles.put("topic", def("org.apache.kafka.storage.internals.log.LogConfig", "configDefCopy", "CONFIG"));
    roles.put("broker", def("kafka.server.KafkaConfig", "configDef", null));
    StringBuilder out = new StringBuilder("{\n  \"kafkaVersion\": ").append(str(kafkaVersion())).append(",\n  \"roles\": {");
    Map<String, String> synonyms = topicSynonyms();
    String sep = "\n";
    for (Map.Entry<String, ConfigDef> r : roles.entrySet()) {
      out.append(sep).append("    ").append(str(r.getKey())).append(": [");
      sep = ",\n";
      String s2 = "\n";
      for (ConfigDef.ConfigKey k : new TreeMap<>(r.getValue().configKeys()).values()) {
        out.append(s2).append("      {\"name\": ").append(str(k.name)).append(", \"type\": ").append(str(k.type.toString().toLowerCase()));
        s2 = ",\n";
        if (k.hasDefault()) out.append(", \"default\": ").append(k.defaultValue == null ? "null" : str(ConfigDef.convertToString(k.defaultValue, k.type)));
        if (k.validator != null) out.append(", \"validValues\": ").append(str(k.validator.toString()));
        out.append(", \"importance\": ").append(str(k.importance.toString().toLowerCase()));
        if (k.internalConfig) out.append(", \"internal\": true");
        if (r.getKey().equals("topic") && synonyms.containsKey(k.name)) out.append(", \"serverDefaultProperty\": ").append(str(synonyms.get(k.name)));
        out.append('}');
      }
      out.append("\n    ]");
    }
    out.append("\n  }\n}\n");
    System.out.print(out);
  }

  /** The version the jars report (AppInfoParser moved to an internals package in 4.4). */
  static String kafkaVersion() throws Exception {
    for (String name : new String[] {"org.apache.kafka.common.utils.AppInfoParser", "org.apache.kafka.common.utils.internals.AppInfoParser"}) {
      try {
        return (String) Class.forName(name).getMethod("getVersion").invoke(null);
      } catch (ClassNotFoundException e) {
        // try the next location
      }
    }
    throw new IllegalStateException("no AppInfoParser on the classpath");
  }

  /** Topic config → the broker config that is its default (`retention.ms` → `log.retention.ms`). */
  @SuppressWarnings("unchecked")
  static Map<String, String> topicSynonyms() throws Exception {
    Field f = Class.forName("org.apache.kafka.server.config.ServerTopicConfigSynonyms").getField("TOPIC_CONFIG_SYNONYMS");
    return (Map<String, String>) f.get(null);
  }

  /** A ConfigDef from a static method, or else a static field, of a class (names moved between Kafka versions). */
  static ConfigDef def(String className, String method, String field) throws Exception {
    Class<?> c = Class.forName(className);
    try {
      Method m = c.getMethod(method);
      return (ConfigDef) m.invoke(null);
    } catch (NoSuchMethodException e) {
      if (field == null) throw e;
      Field f = c.getDeclaredField(field);
      f.setAccessible(true);
      return (ConfigDef) f.get(null);
    }
  }

  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '"': b.append("\\\""); break;
        case '\\': b.append("\\\\"); break;
        case '\n': b.append("\\n"); break;
        case '\r': b.append("\\r"); break;
        case '\t': b.append("\\t"); break;
        default:
          if (ch < 0x20) b.append(String.format("\\u%04x", (int) ch));
          else b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}
