package herald.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Dockerfile and compose.yaml configure Herald through environment variables, which nothing checks at run
 * time: a variable naming no setting is silently ignored. These tests hold the files to the settings Herald has,
 * so renaming a setting fails here rather than in someone's deployment.
 */
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("compose.yaml");
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path CLASSES = Path.of("target", "classes");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");

    @Test
    void everyVariableComposeGivesHeraldNamesOneOfItsSettings() throws IOException {
        Map<String, Object> environment = map(service("herald").get("environment"));
        KnownSettings known = KnownSettings.read();

        List<String> unknown = environment.keySet().stream().filter(name -> !known.accepts(name)).toList();

        assertTrue(environment.containsKey("HERALD_INDEX_BACKEND"), "the replicas choose their backend");
        assertEquals(List.of(), unknown, "variables in compose.yaml that name no Herald setting");
    }

    @Test
    void everyHeraldVariableTheDockerfileSetsNamesOneOfItsSettings() throws IOException {
        Matcher matcher = Pattern.compile("\\b((?:HERALD|QUARKUS)_[A-Z0-9_]+)=").matcher(Files.readString(DOCKERFILE));
        List<String> variables = new ArrayList<>();
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        KnownSettings known = KnownSettings.read();

        assertTrue(variables.contains("HERALD_DATA_DIR"), "the data folder is the image's volume");
        assertEquals(List.of(), variables.stream().filter(name -> !known.accepts(name)).toList(),
                "variables in the Dockerfile that name no Herald setting");
    }

    @Test
    void replicasTrustTheProxysAddressOnTheStacksNetwork() throws IOException {
        String proxyAddress = withDefaults(String.valueOf(
                map(map(service("proxy").get("networks")).get("herald")).get("ipv4_address")));
        String trusted = withDefaults(String.valueOf(map(service("herald").get("environment")).get("HERALD_HTTP_TRUSTED_PROXIES")));
        Map<String, Object> network = map(map(compose().get("networks")).get("herald"));
        String subnet = withDefaults(String.valueOf(map(((List<?>) map(network.get("ipam")).get("config")).get(0)).get("subnet")));

        assertEquals(proxyAddress, trusted, "Herald must trust exactly the proxy in front of it");
        assertTrue(inSubnet(proxyAddress, subnet), proxyAddress + " is not in the stack's network " + subnet);
    }

    @Test
    void replicasAndSolrNodesShareOneZooKeeperOfTheStack() throws IOException {
        Map<String, Object> services = map(compose().get("services"));
        String heraldZk = String.valueOf(map(service("herald").get("environment")).get("HERALD_SOLR_ZK_HOSTS"));

        assertEquals("solr", map(service("herald").get("environment")).get("HERALD_INDEX_BACKEND"));
        for (String host : heraldZk.replaceAll("/.*$", "").split(",")) {
            assertTrue(services.containsKey(host.replaceAll(":\\d+$", "")), host + " is no service of the stack");
        }
        for (String node : List.of("solr1", "solr2")) {
            assertEquals(heraldZk, map(service(node).get("environment")).get("ZK_HOST"), node + " is in another cluster");
        }
    }

    /** Every environment variable Herald reads: its {@code @ConfigMapping} settings and application.properties. */
    private record KnownSettings(Set<String> variables, Set<String> mapPrefixes) {

        static KnownSettings read() throws IOException {
            Set<String> properties = new TreeSet<>();
            Set<String> mapPrefixes = new TreeSet<>();
            for (Class<?> mapping : configMappings()) {
                collect(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), properties, mapPrefixes);
            }
            Set<String> variables = new TreeSet<>();
            Properties file = new Properties();
            try (Reader in = Files.newBufferedReader(CLASSES.resolve("application.properties"), StandardCharsets.UTF_8)) {
                file.load(in);
            }
            for (String key : file.stringPropertyNames()) {
                properties.add(key.replaceFirst("^%[^.]+\\.", ""));
                // ${SLACK_BOT_TOKEN:} reads a variable of its own name
                Matcher reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(file.getProperty(key));
                while (reference.find()) {
                    variables.add(reference.group(1));
                }
            }
            properties.forEach(property -> variables.add(variable(property)));
            return new KnownSettings(variables, mapPrefixes.stream().map(KnownSettings::variable).collect(
                    Collectors.toCollection(TreeSet::new)));
        }

        boolean accepts(String name) {
            return variables.contains(name) || mapPrefixes.stream().anyMatch(prefix -> name.startsWith(prefix + "_"));
        }

        /** SmallRye Config's rule: every character but letters and digits becomes '_', then upper case. */
        static String variable(String property) {
            return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        }

        private static List<Class<?>> configMappings() throws IOException {
            List<Class<?>> mappings = new ArrayList<>();
            try (Stream<Path> files = Files.walk(CLASSES)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    String name = CLASSES.relativize(file).toString().replaceAll("\\.class$", "").replace(file.getFileSystem().getSeparator(), ".");
                    try {
                        Class<?> type = Class.forName(name, false, DeploymentFilesTest.class.getClassLoader());
                        if (type.isAnnotationPresent(ConfigMapping.class)) {
                            mappings.add(type);
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        // a generated or optional class that does not load outside Quarkus holds no mapping
                    }
                }
            }
            assertTrue(mappings.size() > 0, "no @ConfigMapping found under " + CLASSES);
            return mappings;
        }

        private static void collect(Class<?> group, String prefix, Set<String> properties, Set<String> mapPrefixes) {
            for (Method method : group.getMethods()) {
                if (method.getParameterCount() > 0 || method.isDefault() || Modifier.isStatic(method.getModifiers())) {
                    continue;
                }
                String segment = method.isAnnotationPresent(WithName.class) ? method.getAnnotation(WithName.class).value()
                        : kebab(method.getName());
                String name = method.isAnnotationPresent(WithParentName.class) ? prefix : prefix + "." + segment;
                Class<?> type = method.getReturnType();
                Type generic = method.getGenericReturnType();
                if (type == Optional.class && generic instanceof ParameterizedType parameterized
                        && parameterized.getActualTypeArguments()[0] instanceof Class<?> inner) {
                    type = inner;
                }
                if (Map.class.isAssignableFrom(type)) {
                    mapPrefixes.add(name);
                } else if (type.isInterface() && !type.getName().startsWith("java.")) {
                    collect(type, name, properties, mapPrefixes);
                } else {
                    properties.add(name);
                }
            }
        }

        private static String kebab(String camel) {
            return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        }
    }

    private static Map<String, Object> compose() throws IOException {
        try (InputStream in = Files.newInputStream(COMPOSE)) {
            return new Yaml().load(in);
        }
    }

    private static Map<String, Object> service(String name) throws IOException {
        Object service = map(compose().get("services")).get(name);
        assertTrue(service != null, "compose.yaml has no service " + name);
        return map(service);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, found " + value);
        return (Map<String, Object>) value;
    }

    /** What compose makes of {@code ${NAME:-default}} when NAME is unset. */
    private static String withDefaults(String value) {
        return DEFAULT_VALUE.matcher(value).replaceAll("$1");
    }

    private static boolean inSubnet(String address, String cidr) throws IOException {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : 0xFFFFFFFFL << (32 - bits) & 0xFFFFFFFFL;
        return (ipv4(address) & mask) == (ipv4(parts[0]) & mask);
    }

    private static long ipv4(String address) throws IOException {
        long value = 0;
        for (byte part : InetAddress.getByName(address).getAddress()) {
            value = value << 8 | (part & 0xFF);
        }
        return value;
    }
}
