package cn.propertycompliance.ruleset;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule file may name, as types: the fact and assessment classes (by package), the three globals, and a short
 * list of JDK methods for comparisons and arithmetic. Both guard layers read it: {@link RuleAllowList} checks the
 * parsed DRL against it, {@link BytecodeCheck} the compiled classes.
 */
final class RuleVocabulary {

    /** Packages whose public methods rules may call: the facts of api.md and the assessments derived from them. */
    static final List<String> FACT_PACKAGES = List.of("cn.propertycompliance.facts", "cn.propertycompliance.fee",
            "cn.propertycompliance.filing", "cn.propertycompliance.committee", "cn.propertycompliance.repair",
            "cn.propertycompliance.calendar", "cn.propertycompliance.vocabulary");

    /** Single classes outside those packages a rule may use: table reads (and nothing else of the parameters package). */
    static final Set<Class<?>> FACT_CLASSES = Set.of(ParameterValue.class, ParameterView.class);

    /**
     * The findings global's class. The evaluation layer (above this one) defines it and the engine binds it by name, as
     * {@link ReleaseCompiler#GLOBALS_DRL} declares it; it is looked up by that name so the ruleset layer does not import
     * the layer above it.
     */
    static final Class<?> FINDING_COLLECTOR = findingCollector("cn.propertycompliance.evaluation.FindingCollector");

    static final Map<String, Class<?>> GLOBALS = Map.of("findings", FINDING_COLLECTOR, "params", ParameterView.class,
            "calendar", LegalCalendar.class);

    /** JDK classes a rule may import (besides the fact packages). */
    static final Set<Class<?>> JDK_IMPORTS = Set.of(List.class, BigDecimal.class, LocalDate.class);

    /** java.lang names usable without import, for their constants and the methods below. */
    static final Map<String, Class<?>> JAVA_LANG = Map.of("Boolean", Boolean.class, "Integer", Integer.class,
            "Long", Long.class, "String", String.class);

    /** JDK methods a rule may call, by the class declaring them: compare, count, do exact arithmetic, read a date. */
    static final Map<Class<?>, Set<String>> JDK_METHODS = Map.of(
            BigDecimal.class, Set.of("compareTo", "signum", "add", "subtract", "multiply", "negate", "abs", "min", "max", "intValue"),
            LocalDate.class, Set.of("isBefore", "isAfter", "isEqual", "compareTo", "plusDays", "minusDays", "getYear"),
            Integer.class, Set.of("intValue", "longValue", "compareTo"),
            Long.class, Set.of("intValue", "longValue", "compareTo"),
            List.class, Set.of("of", "contains", "isEmpty", "size"),
            Collection.class, Set.of("contains", "isEmpty", "size"),
            Enum.class, Set.of("name"),
            String.class, Set.of("isEmpty", "length", "equals", "startsWith"));

    /** Static fields a rule may read besides enum constants of fact types. */
    static final Set<String> JDK_CONSTANTS = Set.of("java.lang.Boolean.TRUE", "java.lang.Boolean.FALSE");

    /** Rule annotations the loader reads (RuleLoader); any other is refused rather than silently ignored. */
    static final Set<String> RULE_ANNOTATIONS = Set.of("code", "cite", "citeFrom", "effective", "expires", "message", "area", "overrides");

    private RuleVocabulary() {
    }

    static boolean isFactClass(Class<?> c) {
        return !c.isArray() && (FACT_CLASSES.contains(c) || FACT_PACKAGES.contains(c.getPackageName()));
    }

    static boolean mayImport(Class<?> c) {
        return isFactClass(c) || JDK_IMPORTS.contains(c);
    }

    /** A public method a rule may call: declared by a fact class, or listed for the JDK class declaring it. */
    static boolean mayCall(Method m) {
        if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge()) {
            return false;
        }
        Class<?> owner = m.getDeclaringClass();
        return isFactClass(owner) || JDK_METHODS.getOrDefault(owner, Set.of()).contains(m.getName());
    }

    /** The methods a consequence may chain after {@code findings.add(drools)}: FindingBuilder's public ones, as the code has them. */
    static Set<String> findingBuilderMethods() {
        Class<?> builder = findingsAdd().getReturnType();
        Set<String> names = new TreeSet<>();
        Arrays.stream(builder.getMethods()).filter(m -> m.getDeclaringClass() == builder && !Modifier.isStatic(m.getModifiers()))
                .forEach(m -> names.add(m.getName()));
        return names;
    }

    private static Class<?> findingCollector(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the findings global's class " + name + " is missing", e);
        }
    }

    static Method findingsAdd() {
        try {
            return FINDING_COLLECTOR.getMethod("add", RuleContext.class);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("FindingCollector.add(RuleContext) is the entry of every consequence", e);
        }
    }

    /** The class a rule file's import names, if it exists (nested classes written with dots as in DRL). */
    static Optional<Class<?>> load(String name) {
        String candidate = name;
        while (true) {
            try {
                return Optional.of(Class.forName(candidate, false, RuleVocabulary.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }
}
