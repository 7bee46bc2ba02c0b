package cn.propertycompliance.ruleset;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * The allow-list a rule file must pass before it can be compiled into a release. DRL consequences are Java and
 * the JVM no longer has a SecurityManager, so rules are restricted to matching facts, reading parameters and
 * recording findings. This is a guard for honest mistakes and review, not a sandbox: publishing still needs an
 * authorised author and a second approver.
 */
final class RuleLint {

    static final Set<String> ALLOWED_GLOBALS = Set.of("findings", "params", "calendar");

    private static final List<String> ALLOWED_IMPORT_PREFIXES = List.of(
            "cn.propertycompliance.facts.", "cn.propertycompliance.parameters.ParameterValue",
            "cn.propertycompliance.calendar.", "cn.propertycompliance.fee.", "cn.propertycompliance.filing.",
            "cn.propertycompliance.committee.", "cn.propertycompliance.repair.", "cn.propertycompliance.vocabulary.ActionCode", "java.math.BigDecimal", "java.math.RoundingMode", "java.time.LocalDate",
            "java.time.temporal.ChronoUnit", "java.util.List", "java.util.Set");

    /** Identifiers that reach outside the facts: I/O, processes, threads, reflection, the engine itself. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\b(System|Runtime|Thread|ProcessBuilder|ClassLoader|Class|Files|Paths|File|Socket|URL|URI|Unsafe"
                    + "|reflect|forName|getClass|exec|kcontext|insert|insertLogical|update|modify|retract|delete"
                    + "|halt|getKieRuntime|getWorkingMemory)\\b|\\bjava\\.(io|nio|net|lang)\\b|\\bdrools\\s*\\.");

    private static final Pattern STATEMENT_START = Pattern.compile("^findings\\s*\\.\\s*add\\s*\\(\\s*drools\\s*\\)");

    private RuleLint() {
    }

    static void check(SourceFile file, PackageDescr pkg, Problems problems) {
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            if (ALLOWED_IMPORT_PREFIXES.stream().noneMatch(target::startsWith)) {
                problems.error(file, imp.getLine(), "import " + target + " is not allowed in rule files (allowed: "
                        + String.join(", ", ALLOWED_IMPORT_PREFIXES) + ")");
            }
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            if (!ALLOWED_GLOBALS.contains(g.getIdentifier())) {
                problems.error(file, g.getLine(), "global " + g.getIdentifier() + " is not one of " + ALLOWED_GLOBALS);
            }
        }
        checkUnused(file, pkg, problems);
        for (FunctionDescr f : pkg.getFunctions()) {
            problems.error(file, f.getLine(), "function " + f.getName() + ": rule files may not define functions");
        }
        if (!pkg.getTypeDeclarations().isEmpty() || !pkg.getEnumDeclarations().isEmpty()) {
            problems.error(file, 1, "rule files may not declare types: facts are defined by the API contract");
        }
        for (RuleDescr rule : pkg.getRules()) {
            if (rule.isQuery()) {
                problems.error(file, rule.getLine(), "query " + rule.getName() + ": queries are not used by the engine");
                continue;
            }
            String code = withoutStrings(stripComments(ruleText(file, rule)));
            checkText(file, rule, code.replace("findings.add(drools)", "findings.add(_)"), problems);
            Object rhs = rule.getConsequence();
            String consequence = rhs == null ? "" : withoutStrings(stripComments(rhs.toString()));
            for (String statement : consequence.split(";")) {
                String s = statement.strip();
                if (!s.isEmpty() && !STATEMENT_START.matcher(s).find()) {
                    problems.error(file, rule.getLine(), "rule " + rule.getName() + ": each statement of a consequence "
                            + "starts with findings.add(drools) — found: " + abbreviate(s));
                }
            }
        }
    }

    /**
     * An import or global that no rule of the file uses is reported at its line: a reader should not have to wonder
     * what it is for (and an unused {@code params} hides that the rules read no table).
     */
    private static void checkUnused(SourceFile file, PackageDescr pkg, Problems problems) {
        StringBuilder used = new StringBuilder();
        for (RuleDescr rule : pkg.getRules()) {
            used.append(withoutStrings(stripComments(ruleText(file, rule)))).append('\n');
        }
        String code = used.toString();
        for (ImportDescr imp : pkg.getImports()) {
            String target = imp.getTarget();
            String simple = target.substring(target.lastIndexOf('.') + 1);
            if (!simple.equals("*") && !Pattern.compile("\\b" + Pattern.quote(simple) + "\\b").matcher(code).find()) {
                problems.error(file, imp.getLine(), "import " + target + " is not used by any rule of this file");
            }
        }
        for (GlobalDescr g : pkg.getGlobals()) {
            if (!Pattern.compile("\\b" + Pattern.quote(g.getIdentifier()) + "\\b").matcher(code).find()) {
                problems.error(file, g.getLine(), "global " + g.getIdentifier() + " is not used by any rule of this file");
            }
        }
    }

    private static void checkText(SourceFile file, RuleDescr rule, String text, Problems problems) {
        Matcher m = FORBIDDEN.matcher(text);
        if (m.find()) {
            problems.error(file, rule.getLine(), "rule " + rule.getName() + ": '" + m.group().strip()
                    + "' is not allowed in a rule (rules match facts, read params and record findings only)");
        }
    }

    /** The rule's own lines of the file (conditions and consequence), as written. */
    private static String ruleText(SourceFile file, RuleDescr rule) {
        String[] lines = file.text().split("\n", -1);
        int from = Math.max(0, rule.getLine() - 1);
        int to = rule.getEndLine() > 0 ? Math.min(lines.length, rule.getEndLine()) : lines.length;
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, Math.max(from, to)));
    }

    /** Message texts and other literals may say anything; only code is checked. */
    private static String withoutStrings(String code) {
        return code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    private static String stripComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }

    private static String abbreviate(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 60 ? one.substring(0, 57) + "..." : one;
    }
}
