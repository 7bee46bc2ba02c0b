package cn.propertycompliance.ruleset;

import java.util.regex.Pattern;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;

/**
 * An import or global that no rule of the file uses is reported at its line: a reader should not have to wonder what
 * it is for (and an unused {@code params} hides that the rules read no table). Hygiene, not security: the rule guard
 * decides what may be imported at all.
 */
final class UnusedDeclarations {

    private UnusedDeclarations() {
    }

    static void check(SourceFile file, PackageDescr pkg, Problems problems) {
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

    /** The rule's own lines of the file (conditions and consequence), as written. */
    private static String ruleText(SourceFile file, RuleDescr rule) {
        String[] lines = file.text().split("\n", -1);
        int from = Math.max(0, rule.getLine() - 1);
        int to = rule.getEndLine() > 0 ? Math.min(lines.length, rule.getEndLine()) : lines.length;
        return String.join("\n", java.util.Arrays.asList(lines).subList(from, Math.max(from, to)));
    }

    private static String withoutStrings(String code) {
        return code.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    }

    private static String stripComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    }
}
