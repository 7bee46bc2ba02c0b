package cn.propertycompliance.ruleset;

import cn.propertycompliance.ruleset.ClassReferences.Reference;
import cn.propertycompliance.ruleset.RuleExpressions.Refused;
import cn.propertycompliance.ruleset.RuleExpressions.Scope;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.EnabledBoolean;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Declaration;
import org.drools.base.rule.From;
import org.drools.base.rule.GroupElement;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.base.rule.constraint.Constraint;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.mvel.MVELConstraint;
import org.drools.mvel.accessors.ClassFieldReader;
import org.drools.mvel.extractors.MVELClassFieldReader;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Guard layer 2: a check of what the compiler produced, independent of the source allow-list. Two parts, because
 * classic DRL compiles two ways:
 * <ul>
 *   <li><b>Java bytecode</b> (consequences, functions, anything in the {@code java} dialect): every class the compiler
 *   generated is read with ASM, and every call, field access, {@code new}, type check, class constant and
 *   invokedynamic must target an allowed owner — the fact/assessment classes (methods {@link RuleVocabulary#mayCall}
 *   allows, checked by reflection), the findings builder, the listed JDK methods and boxing, the release's own
 *   generated classes, and the few Drools runtime members the generated invoker calls (found from the repository's
 *   rules: {@link #DROOLS_INTERNALS}).</li>
 *   <li><b>The compiled rule network</b> (conditions are MVEL, interpreted and only JIT-compiled at run time after a
 *   threshold, so they have no bytecode at build): every rule must have default attributes, a Java consequence, and
 *   conditions made of patterns over fact classes, and/or/not/exists, and {@code from} over one value; every piece of
 *   MVEL the engine will run — each constraint's expression, each binding's read accessor, each {@code from} source —
 *   is type-checked as in layer 1. The JIT compiles those same expressions (ASMConditionEvaluatorJitter translates
 *   the constraint it is given), so checking the text the engine holds covers the interpreted and the jitted path.
 *   Every other holder of MVEL code ({@code eval}, accumulate, salience/enabled expressions, MVEL consequences,
 *   named consequences) is refused by kind, so none reaches run time unchecked.</li>
 * </ul>
 */
final class BytecodeCheck {

    /** Drools members the generated consequence invoker uses (its template, not rule text); nothing else of Drools. */
    static final Set<String> DROOLS_INTERNALS = Set.of(
            "org.drools.base.rule.accessor.CompiledInvoker.getMethodBytecode",
            "org.drools.base.rule.consequence.Consequence.evaluate",
            "org.drools.mvel.asm.ConsequenceGenerator.generate",
            "org.drools.mvel.asm.MethodComparator.compareBytecode",
            "org.drools.mvel.asm.MethodComparator.getMethodBytecode",
            "java.lang.Object.<init>",
            "java.lang.Object.getClass");

    /** Types generated classes may extend, implement, cast to or declare (the {@code drools} parameter's type). */
    static final Set<String> DROOLS_TYPES = Set.of("java.lang.Object", "org.drools.base.rule.accessor.CompiledInvoker",
            "org.drools.mvel.asm.ConsequenceStub", "org.drools.core.rule.consequence.KnowledgeHelper");

    /** Arrays the generated invoker (Drools' template, never rule text) allocates; nothing else may allocate. */
    static final Set<String> INVOKER_ARRAYS = Set.of("array of java.lang.String", "array of java.lang.Boolean");
    /** The one array a consequence allocates: the String varargs of FindingBuilder.missing("field", …). */
    static final String VARARGS_ARRAY = "array of java.lang.String";
    private static final String INVOKER_SUFFIX = "DefaultConsequenceInvoker";

    /** What the compiler emits for autoboxing. */
    private static final Set<String> BOXING = Set.of("valueOf", "intValue", "longValue", "booleanValue", "doubleValue");
    private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Boolean", "java.lang.Double");

    private static final java.util.regex.Pattern SCOPE_CONSTRAINT = java.util.regex.Pattern.compile("(layer|area) == \"[A-Z0-9]+\"");

    private static final String STRING_CONCAT = "java.lang.invoke.StringConcatFactory.makeConcatWithConstants";

    private final Map<String, RuleMeta> rules;
    private final Problems problems;
    private final Set<String> builderMethods = RuleVocabulary.findingBuilderMethods();
    private final Class<?> builder = RuleVocabulary.findingsAdd().getReturnType();

    private BytecodeCheck(Map<String, RuleMeta> rules, Problems problems) {
        this.rules = rules;
        this.problems = problems;
    }

    /**
     * The two things this layer must see before compiling, because compiling them is already the harm: Drools evaluates
     * the field initialisers of a {@code declare}d type while it builds the type, so by the time there is bytecode to
     * read, that code has run; and on an MVEL inline cast ({@code expr#Type}) the Drools compiler spins without end
     * (the build deadline abandons it, but the thread burns a core until the JVM stops). Both are refused here, from
     * the parsed file and its text, whatever layer 1 says. {@code #} has no other meaning in DRL code (Java has none,
     * MVEL uses it only for this cast), so any {@code #} outside strings, characters and comments is refused.
     */
    static void beforeCompiling(SourceFile file, org.drools.drl.ast.descr.PackageDescr pkg, Problems problems) {
        pkg.getTypeDeclarations().forEach(t -> problems.error(file, Math.max(1, t.getLine()), "declare " + t.getTypeName()
                + ": type declarations run code while compiling — not allowed in a rule (compiled-code check)"));
        pkg.getEnumDeclarations().forEach(t -> problems.error(file, Math.max(1, t.getLine()), "declare enum " + t.getTypeName()
                + ": type declarations run code while compiling — not allowed in a rule (compiled-code check)"));
        int cast = inlineCast(file.text());
        if (cast >= 0) {
            problems.error(file, cast, "MVEL inline cast '#': the Drools compiler does not finish on it — not allowed in a "
                    + "rule, refused before compiling (compiled-code check)");
        }
    }

    private static final java.util.regex.Pattern UNICODE_ESCAPE = java.util.regex.Pattern.compile("\\\\u+([0-9a-fA-F]{4})");

    /** The line of the first {@code #} in code (strings, characters and comments skipped, unicode escapes decoded), or -1. */
    static int inlineCast(String text) {
        String code = UNICODE_ESCAPE.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        int line = 1;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c == '"' || c == '\'') {
                for (i++; i < code.length() && code.charAt(i) != c && code.charAt(i) != '\n'; i++) {
                    if (code.charAt(i) == '\\') {
                        i++;
                    }
                }
                if (i < code.length() && code.charAt(i) == '\n') {
                    line++;
                }
            } else if (code.startsWith("//", i)) {
                while (i + 1 < code.length() && code.charAt(i + 1) != '\n') {
                    i++;
                }
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 1;
                line += (int) code.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end;
            } else if (c == '#') {
                return line;
            }
        }
        return -1;
    }

    static void check(KieBase base, Map<String, RuleMeta> rules, Problems problems) {
        new BytecodeCheck(rules, problems).check(base);
    }

    private void check(KieBase base) {
        for (KiePackage kp : base.getKiePackages()) {
            InternalKnowledgePackage pkg = (InternalKnowledgePackage) kp;
            Map<String, Class<?>> imports = new HashMap<>();
            pkg.getImports().keySet().forEach(name -> RuleVocabulary.load(name).filter(RuleVocabulary::mayImport)
                    .ifPresent(c -> imports.put(c.getSimpleName(), c)));
            Map<String, RuleImpl> byClassPrefix = new HashMap<>();
            for (Rule r : kp.getRules()) {
                RuleImpl rule = (RuleImpl) r;
                network(rule, imports);
                if (rule.getConsequence() != null) {
                    String consequence = rule.getConsequence().getClass().getName();
                    if (consequence.endsWith(INVOKER_SUFFIX)) {
                        byClassPrefix.put(consequence.substring(0, consequence.length() - INVOKER_SUFFIX.length()), rule);
                    }
                }
            }
            if (pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java) {
                Set<String> own = new LinkedHashSet<>();
                java.getStore().keySet().forEach(f -> own.add(f.replaceAll("\\.class$", "").replace('/', '.')));
                java.getStore().forEach((file, bytes) -> classFile(file, bytes, own, byClassPrefix, kp));
            }
        }
    }

    private void classFile(String file, byte[] bytes, Set<String> own, Map<String, RuleImpl> byClassPrefix, KiePackage pkg) {
        if (!file.endsWith(".class")) {
            return;
        }
        String name = ClassReferences.nameOf(bytes);
        RuleImpl rule = byClassPrefix.entrySet().stream().filter(e -> name.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        boolean invoker = name.endsWith(INVOKER_SUFFIX) && own.contains(name.substring(0, name.length() - INVOKER_SUFFIX.length()));
        Set<String> refused = new LinkedHashSet<>();
        for (Reference ref : ClassReferences.of(bytes)) {
            if (!allowed(ref, own, invoker)) {
                refused.add(ref.toString());
            }
        }
        if (!refused.isEmpty()) {
            report(rule != null ? rule : pkg.getRules().stream().map(RuleImpl.class::cast).findFirst().orElse(null),
                    pkg.getName(), "compiled class " + name.substring(name.lastIndexOf('.') + 1) + " reaches " + refused);
        }
    }

    private boolean allowed(Reference ref, Set<String> own, boolean invoker) {
        String owner = ref.owner();
        if (own.contains(owner)) {
            return true;
        }
        return switch (ref.kind()) {
            case SUPER -> DROOLS_TYPES.contains(owner);
            case TYPE -> DROOLS_TYPES.contains(owner) || isAllowedType(owner);
            case CALL -> DROOLS_INTERNALS.contains(owner + "." + ref.name()) || allowedCall(owner, ref.name());
            case FIELD -> RuleVocabulary.JDK_CONSTANTS.contains(owner + "." + ref.name()) || enumConstant(owner, ref.name());
            case INVOKEDYNAMIC -> (owner + "." + ref.name()).equals(STRING_CONCAT);
            case NEW -> invoker ? INVOKER_ARRAYS.contains(owner) : owner.equals(VARARGS_ARRAY);
            case CLASS_CONSTANT -> false;
        };
    }

    private boolean isAllowedType(String owner) {
        return BOXES.contains(owner) || owner.equals("java.lang.String")
                || load(owner).filter(c -> RuleVocabulary.isFactClass(c) || RuleVocabulary.JDK_METHODS.containsKey(c)
                        || c == RuleVocabulary.FINDING_COLLECTOR || c == builder).isPresent();
    }

    private boolean allowedCall(String owner, String name) {
        if (owner.equals(RuleVocabulary.FINDING_COLLECTOR.getName())) {
            return name.equals(RuleVocabulary.findingsAdd().getName());
        }
        if (owner.equals(builder.getName())) {
            return builderMethods.contains(name);
        }
        if (BOXES.contains(owner) && BOXING.contains(name)) {
            return true;
        }
        Optional<Class<?>> type = load(owner);
        if (type.isEmpty()) {
            return false;
        }
        // The call's owner is the receiver's static type; the method a rule may call is judged where it is declared.
        return Arrays.stream(type.get().getMethods()).filter(m -> m.getName().equals(name)).anyMatch(RuleVocabulary::mayCall);
    }

    private static boolean enumConstant(String owner, String name) {
        return load(owner).filter(c -> c.isEnum() && RuleVocabulary.isFactClass(c)).map(c -> {
            try {
                Field f = c.getField(name);
                return f.isEnumConstant() && Modifier.isStatic(f.getModifiers());
            } catch (NoSuchFieldException e) {
                return false;
            }
        }).orElse(false);
    }

    /** The compiled network of one rule: attributes, consequence kind, condition elements and their expressions. */
    private void network(RuleImpl rule, Map<String, Class<?>> imports) {
        List<String> wrong = new java.util.ArrayList<>();
        if (rule.getSalience().isDynamic() || rule.getSalienceValue() != 0) {
            wrong.add("salience");
        }
        if (rule.getEnabled() != EnabledBoolean.ENABLED_TRUE) {
            wrong.add("enabled");
        }
        if (rule.getTimer() != null) {
            wrong.add("timer");
        }
        if (rule.getCalendars() != null && rule.getCalendars().length > 0) {
            wrong.add("calendars");
        }
        if (!"MAIN".equals(rule.getAgendaGroup()) || rule.getActivationGroup() != null || rule.getAutoFocus()
                || rule.isNoLoop() || rule.isLockOnActive()) {
            wrong.add("agenda attributes");
        }
        if (rule.getDateEffective() != null || rule.getDateExpires() != null) {
            wrong.add("date-effective/date-expires");
        }
        if (rule.getConsequence() == null || !rule.getConsequence().getClass().getName().endsWith(INVOKER_SUFFIX)) {
            wrong.add("consequence not compiled to Java (" + (rule.getConsequence() == null ? "none" : rule.getConsequence().getClass().getSimpleName()) + ")");
        }
        if (rule.hasNamedConsequences()) {
            wrong.add("named consequences");
        }
        if (!wrong.isEmpty()) {
            report(rule, rule.getPackageName(), "compiled rule has " + String.join(", ", wrong));
        }
        Map<String, Class<?>> declarations = new HashMap<>();
        rule.getDeclarations().forEach((n, d) -> declarations.put(n, d.getDeclarationClass()));
        element(rule, rule.getLhs(), imports, declarations);
    }

    private void element(RuleImpl rule, RuleConditionElement e, Map<String, Class<?>> imports, Map<String, Class<?>> declarations) {
        if (e instanceof GroupElement g && (g.isAnd() || g.isOr() || g.isNot() || g.isExists())) {
            g.getChildren().forEach(c -> element(rule, c, imports, declarations));
        } else if (e instanceof Pattern p) {
            pattern(rule, p, imports, declarations);
        } else {
            report(rule, rule.getPackageName(), "compiled condition element " + e.getClass().getSimpleName());
        }
    }

    private void pattern(RuleImpl rule, Pattern p, Map<String, Class<?>> imports, Map<String, Class<?>> declarations) {
        Class<?> type = p.getObjectType() instanceof ClassObjectType c ? c.getClassType() : null;
        if (type == null || !(RuleVocabulary.isFactClass(type) || type == RuleScope.class)) {
            report(rule, rule.getPackageName(), "compiled pattern over " + (type == null ? p.getObjectType() : type.getName()));
            return;
        }
        Scope scope = scope(imports, declarations, type);
        if (p.getSource() instanceof From from) {
            fromSource(rule, from, scope(imports, declarations, null));
        } else if (p.getSource() != null) {
            report(rule, rule.getPackageName(), "compiled pattern source " + p.getSource().getClass().getSimpleName());
        }
        if (!p.getBehaviors().isEmpty() || p.getXpathConstraint() != null) {
            report(rule, rule.getPackageName(), "compiled pattern with a window or OOPath");
        }
        for (Declaration d : p.getDeclarations().values()) {
            binding(rule, type, d, scope);
        }
        for (Constraint c : p.getConstraints()) {
            if (!(c instanceof MVELConstraint mvel)) {
                report(rule, rule.getPackageName(), "compiled constraint " + c.getClass().getSimpleName());
                continue;
            }
            if (type == RuleScope.class && SCOPE_CONSTRAINT.matcher(mvel.getExpression()).matches()) {
                continue; // the compiler's own scope pattern (RuleScoping), not rule text
            }
            try {
                RuleExpressions.checkConstraint(mvel.getExpression(), scope, (n, t) -> { });
            } catch (Refused r) {
                report(rule, rule.getPackageName(), "compiled constraint '" + RuleExpressions.abbreviate(mvel.getExpression())
                        + "': " + r.getMessage());
            }
        }
    }

    /**
     * A binding's value is read when a consequence or a later constraint uses it, by Drools' own code: through a
     * generated field reader for a property, or by an MVEL expression ({@code $x : anything(…)}) that has no bytecode
     * of its own. The property must be one a rule may read; the expression is type-checked like a constraint.
     */
    private void binding(RuleImpl rule, Class<?> type, Declaration d, Scope scope) {
        if (d.isPatternDeclaration()) {
            return; // $fee : Fee() — the fact itself
        }
        ReadAccessor reader = d.getExtractor();
        String what = "compiled binding " + d.getIdentifier();
        if (reader instanceof ClassFieldReader field) {
            if (RuleExpressions.property(type, field.getFieldName()).isEmpty()) {
                report(rule, rule.getPackageName(), what + " reads property '" + field.getFieldName() + "' of "
                        + type.getSimpleName() + " (no accessor a rule may call)");
            }
        } else if (reader instanceof MVELClassFieldReader mvel) {
            try {
                RuleExpressions.check(RuleExpressions.parseExpression(mvel.getExpression()), scope);
            } catch (Refused r) {
                report(rule, rule.getPackageName(), what + " '" + RuleExpressions.abbreviate(mvel.getExpression()) + "': " + r.getMessage());
            }
        } else {
            report(rule, rule.getPackageName(), what + " read by " + (reader == null ? "nothing" : reader.getClass().getSimpleName()));
        }
    }

    private void fromSource(RuleImpl rule, From from, Scope scope) {
        String expression = mvelExpression(from.getDataProvider()).orElse(null);
        if (expression == null) {
            report(rule, rule.getPackageName(), "compiled from over " + from.getDataProvider().getClass().getSimpleName());
            return;
        }
        try {
            Class<?> type = RuleExpressions.check(RuleExpressions.parseExpression(expression), scope).type();
            if (type.isArray() || Iterable.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)
                    || java.util.stream.BaseStream.class.isAssignableFrom(type) || type == Object.class) {
                throw new Refused(null, "a source of many (" + type.getSimpleName() + ")");
            }
        } catch (Refused r) {
            report(rule, rule.getPackageName(), "compiled from '" + RuleExpressions.abbreviate(expression) + "': " + r.getMessage());
        }
    }

    /** The MVEL text of a {@code from} data provider (held in its compilation unit; Drools offers no getter). */
    private static Optional<String> mvelExpression(Object provider) {
        if (!provider.getClass().getName().equals("org.drools.mvel.dataproviders.MVELDataProvider")) {
            return Optional.empty();
        }
        try {
            Field unit = provider.getClass().getDeclaredField("unit");
            unit.setAccessible(true);
            Object compilationUnit = unit.get(provider);
            Method getExpression = compilationUnit.getClass().getMethod("getExpression");
            return Optional.ofNullable((String) getExpression.invoke(compilationUnit));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Scope scope(Map<String, Class<?>> imports, Map<String, Class<?>> declarations, Class<?> implicitThis) {
        return Scope.of(declarations, imports, implicitThis);
    }

    private void report(RuleImpl rule, String pkg, String what) {
        RuleMeta meta = rule == null ? null : rules.get(rule.getName());
        String where = rule == null ? "" : "rule " + rule.getName() + ": ";
        if (meta != null) {
            problems.error(meta.file(), meta.line(), where + what + " — not allowed in a rule (compiled-code check)");
        } else {
            String file = rules.values().stream().filter(m -> m.packageName().equals(pkg)).map(RuleMeta::file).findFirst().orElse(pkg);
            int line = rules.values().stream().filter(m -> m.packageName().equals(pkg)).mapToInt(RuleMeta::line).findFirst().orElse(1);
            problems.error(file, line, where + what + " — not allowed in a rule (compiled-code check)");
        }
    }

    private static Optional<Class<?>> load(String name) {
        try {
            return Optional.of(Class.forName(name, false, BytecodeCheck.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
