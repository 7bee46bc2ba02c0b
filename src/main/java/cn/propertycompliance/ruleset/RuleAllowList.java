package cn.propertycompliance.ruleset;

import cn.propertycompliance.ruleset.RuleExpressions.Refused;
import cn.propertycompliance.ruleset.RuleExpressions.Scope;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * Guard layer 1: an allow-list over the parsed rule file (the Drools descr tree, constraint expressions parsed by
 * Drools' own expression parser, Java parts by JavaParser), replacing a deny-list over text. A rule file may hold its
 * package, imports of fact/assessment classes, the three globals, and rules with the loader's annotations, whose
 * conditions are patterns over fact types (with {@code not}, {@code exists}, {@code and}, {@code or}, bindings and
 * type-checked expressions, {@code from} only over a single table read or assessment factory) and whose consequence
 * is {@code findings.add(drools)} followed by FindingBuilder calls. Everything else is a problem {@code file:line}
 * naming the construct. Rule attributes are all refused: scoping, dates and overrides are done by the agenda filter
 * (so {@code date-effective}, {@code enabled}, {@code agenda-group} would bypass it), findings are sorted after the
 * run (so {@code salience} buys nothing), and consequences cannot change facts (so {@code no-loop} is moot).
 */
final class RuleAllowList {

    private static final Set<String> BUILDER_METHODS = RuleVocabulary.findingBuilderMethods();

    private final SourceFile file;
    private final Problems problems;
    private final Map<String, Class<?>> imports = new HashMap<>();

    private RuleAllowList(SourceFile file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    static void check(SourceFile file, PackageDescr pkg, Problems problems) {
        new RuleAllowList(file, problems).pkg(pkg);
    }

    private void pkg(PackageDescr pkg) {
        if (pkg.getUnit() != null) {
            refuse(pkg, "unit declaration");
        }
        for (ImportDescr imp : pkg.getImports()) {
            importDescr(imp);
        }
        pkg.getFunctionImports().forEach(f -> refuse(f, "import function " + f.getTarget()));
        pkg.getAccumulateImports().forEach(a -> refuse(a, "import accumulate " + a.getTarget()));
        for (GlobalDescr g : pkg.getGlobals()) {
            Class<?> expected = RuleVocabulary.GLOBALS.get(g.getIdentifier());
            if (expected == null || !expected.getName().equals(g.getType())) {
                refuse(g, "global " + g.getType() + " " + g.getIdentifier() + " (the globals are "
                        + RuleVocabulary.GLOBALS.entrySet().stream().map(e -> e.getValue().getSimpleName() + " " + e.getKey()).sorted().toList() + ")");
            }
        }
        pkg.getAttributes().forEach(a -> refuse(a, "package attribute " + a.getName()));
        for (FunctionDescr f : pkg.getFunctions()) {
            refuse(f, "function " + f.getName());
        }
        pkg.getTypeDeclarations().forEach(t -> refuse(t, "declare " + t.getTypeName()));
        pkg.getEnumDeclarations().forEach(t -> refuse(t, "declare enum " + t.getTypeName()));
        pkg.getEntryPointDeclarations().forEach(t -> refuse(t, "declare entry-point " + t.getEntryPointId()));
        pkg.getWindowDeclarations().forEach(t -> refuse(t, "declare window " + t.getName()));
        for (RuleDescr rule : pkg.getRules()) {
            rule(rule);
        }
    }

    private void importDescr(ImportDescr imp) {
        String target = imp.getTarget().strip();
        if (target.endsWith("*") || target.startsWith("static ")) {
            refuse(imp, "import " + target + " (import single fact or assessment classes)");
            return;
        }
        RuleVocabulary.load(target).filter(RuleVocabulary::mayImport).ifPresentOrElse(
                c -> imports.put(c.getSimpleName(), c),
                () -> refuse(imp, "import " + target + " (allowed: classes of " + RuleVocabulary.FACT_PACKAGES
                        + ", ParameterValue, List, BigDecimal, LocalDate)"));
    }

    private void rule(RuleDescr rule) {
        String name = "rule " + rule.getName() + ": ";
        if (rule.isQuery()) {
            refuse(rule, "query " + rule.getName());
            return;
        }
        if (rule.hasParent()) {
            refuse(rule, name + "extends " + rule.getParentName());
        }
        for (AttributeDescr a : rule.getAttributes().values()) {
            refuse(a.getLine() > 0 ? a : rule, name + "attribute " + a.getName() + " (rules take no attributes: dates, "
                    + "layers and overrides are annotations)");
        }
        for (AnnotationDescr a : rule.getAnnotations()) {
            if (!RuleVocabulary.RULE_ANNOTATIONS.contains(a.getName())) {
                refuse(a.getLine() > 0 ? a : rule, name + "annotation @" + a.getName() + " (allowed: " + RuleVocabulary.RULE_ANNOTATIONS + ")");
            }
        }
        rule.getNamedConsequences().keySet().forEach(n -> refuse(rule, name + "named consequence then[" + n + "]"));
        Bindings bindings = new Bindings();
        lhs(rule, rule.getLhs(), bindings);
        consequence(rule, bindings);
    }

    /** Variables bound in a rule's conditions and their types, in the order they are bound. */
    private final class Bindings {
        final Map<String, Class<?>> vars = new HashMap<>();

        Scope scope(Class<?> implicitThis) {
            return Scope.of(vars, imports, implicitThis);
        }
    }

    private void lhs(RuleDescr rule, BaseDescr d, Bindings bindings) {
        if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr) {
            List<? extends BaseDescr> children = d instanceof AndDescr a ? a.getDescrs() : d instanceof OrDescr o ? o.getDescrs()
                    : d instanceof NotDescr n ? n.getDescrs() : ((ExistsDescr) d).getDescrs();
            children.forEach(c -> lhs(rule, c, bindings));
        } else if (d instanceof PatternDescr p) {
            pattern(rule, p, bindings);
        } else {
            refuse(d.getLine() > 0 ? d : rule, "rule " + rule.getName() + ": condition element " + element(d));
        }
    }

    private void pattern(RuleDescr rule, PatternDescr p, Bindings bindings) {
        String where = "rule " + rule.getName() + ": ";
        BaseDescr at = p.getLine() > 0 ? p : rule;
        if (p.isQuery() || p.isUnification()) {
            refuse(at, where + "query call or unification in a pattern");
            return;
        }
        p.getAnnotations().forEach(a -> refuse(at, where + "pattern annotation @" + a.getName()));
        if (!p.getBehaviors().isEmpty()) {
            refuse(at, where + "sliding window");
        }
        String typeName = p.getObjectType();
        Class<?> type = typeName == null || typeName.contains(".") ? null : imports.get(typeName);
        if (type == null || !RuleVocabulary.isFactClass(type)) {
            refuse(at, where + "pattern over " + typeName + " (patterns match imported fact or assessment classes"
                    + (typeName != null && typeName.contains(".") ? "; fully qualified names are not allowed" : "") + ")");
            return;
        }
        if (p.getSource() instanceof FromDescr from) {
            from(rule, from, bindings);
        } else if (p.getSource() != null) {
            refuse(at, where + element(p.getSource()));
        }
        if (p.getIdentifier() != null) {
            bindings.vars.put(p.getIdentifier(), type);
        }
        Scope scope = bindings.scope(type);
        for (BaseDescr c : p.getDescrs()) {
            BaseDescr cat = c.getLine() > 0 ? c : at;
            if (!(c instanceof ExprConstraintDescr expr)) {
                refuse(cat, where + "constraint " + element(c));
                continue;
            }
            try {
                RuleExpressions.checkConstraint(expr.getExpression(), scope, bindings.vars::put);
            } catch (Refused r) {
                refuse(cat, where + r.getMessage() + " in constraint '" + RuleExpressions.abbreviate(expr.getExpression()) + "'");
            }
        }
    }

    /**
     * {@code from} reads one value: a table entry from {@code params} or an object an assessment class computes.
     * A source of many (collection, array, stream, map) is refused: its size would be the rule's to choose.
     */
    private void from(RuleDescr rule, FromDescr from, Bindings bindings) {
        BaseDescr at = from.getLine() > 0 ? from : rule;
        if (!(from.getDataSource() instanceof MVELExprDescr source)) {
            refuse(at, "rule " + rule.getName() + ": from " + element(from.getDataSource()));
            return;
        }
        try {
            Expression e = RuleExpressions.parseExpression(source.getExpression());
            if (!(e instanceof MethodCallExpr)) {
                throw new Refused(null, "from over " + RuleExpressions.construct(e) + " (from reads params.value(…) or an assessment's factory)");
            }
            Class<?> type = RuleExpressions.check(e, bindings.scope(null)).type();
            if (type.isArray() || Iterable.class.isAssignableFrom(type) || java.util.Map.class.isAssignableFrom(type)
                    || java.util.stream.BaseStream.class.isAssignableFrom(type) || type == Object.class) {
                throw new Refused(null, "from over a " + type.getSimpleName() + " (one value only: its size is unbounded)");
            }
        } catch (Refused r) {
            refuse(at, "rule " + rule.getName() + ": " + r.getMessage() + " in from '" + RuleExpressions.abbreviate(source.getExpression()) + "'");
        }
    }

    /** The consequence: statements {@code findings.add(drools).x(…).y(…);} with checked arguments, nothing else. */
    private void consequence(RuleDescr rule, Bindings bindings) {
        Object rhs = rule.getConsequence();
        String text = rhs == null ? "" : rhs.toString();
        // Drools counts the consequence line from 0; the parsed text starts on the line of `then`.
        int base = Math.max(rule.getConsequenceLine() + 1, rule.getLine());
        String where = "rule " + rule.getName() + ": ";
        BlockStmt block;
        try {
            block = RuleExpressions.parseBlock(text);
        } catch (Refused r) {
            problems.error(file, base, where + r.getMessage() + " is not allowed in a rule file");
            return;
        }
        Scope scope = bindings.scope(null);
        for (Statement statement : block.getStatements()) {
            try {
                statement(statement, scope);
            } catch (Refused r) {
                problems.error(file, base + Math.max(0, r.line - 1), where + r.getMessage() + " is not allowed in a rule file (a consequence is "
                        + "findings.add(drools) followed by " + BUILDER_METHODS + " with literal, bound or constant arguments)");
            }
        }
    }

    private static void statement(Statement statement, Scope scope) {
        if (!(statement instanceof ExpressionStmt es) || !(es.getExpression() instanceof MethodCallExpr call)) {
            throw new Refused(statement, "statement " + RuleExpressions.construct(
                    statement instanceof ExpressionStmt es ? es.getExpression() : statement));
        }
        List<MethodCallExpr> chain = new ArrayList<>();
        Expression e = call;
        while (e instanceof MethodCallExpr m && !isFindingsAdd(m)) {
            chain.add(0, m);
            e = m.getScope().orElse(null);
        }
        if (!(e instanceof MethodCallExpr)) {
            throw new Refused(statement, "statement not starting with findings.add(drools): " + RuleExpressions.abbreviate(statement.toString()));
        }
        for (MethodCallExpr m : chain) {
            if (!BUILDER_METHODS.contains(m.getNameAsString())) {
                throw new Refused(m, "call of " + m.getNameAsString() + "(…) on a finding");
            }
            m.getArguments().forEach(arg -> RuleExpressions.check(arg, scope));
        }
    }

    private static boolean isFindingsAdd(MethodCallExpr m) {
        Method add = RuleVocabulary.findingsAdd();
        return m.getNameAsString().equals(add.getName()) && m.getArguments().size() == 1
                && m.getArgument(0) instanceof NameExpr arg && arg.getNameAsString().equals("drools")
                && m.getScope().filter(s -> s instanceof NameExpr n && n.getNameAsString().equals("findings")).isPresent();
    }

    private static String element(Object d) {
        if (d == null) {
            return "(none)";
        }
        String kind = d.getClass().getSimpleName().replaceAll("Descr$", "");
        return switch (kind) {
            case "Eval" -> "eval";
            case "Forall" -> "forall";
            case "Accumulate" -> "accumulate";
            case "Collect" -> "collect";
            case "EntryPoint" -> "from entry-point";
            case "NamedConsequence" -> "do[…] (named consequence)";
            case "ConditionalBranch" -> "if/else branch";
            case "WindowReference" -> "from window";
            case "GroupBy" -> "groupby";
            default -> kind;
        };
    }

    private void refuse(BaseDescr at, String what) {
        problems.error(file, Math.max(1, at.getLine()), what + " is not allowed in a rule file");
    }
}
