package cn.propertycompliance.ruleset;

/**
 * Which layers of the rule guard a release build runs. Production always runs both: {@link #BOTH}. Each layer can be
 * switched off on its own only so tests can show that the other one alone still refuses every attack.
 *
 * @param checkSource   the allow-list over the parsed DRL ({@link RuleAllowList})
 * @param checkBytecode the allow-list over the classes the compiler generated ({@link BytecodeCheck})
 */
public record RuleGuard(boolean checkSource, boolean checkBytecode) {

    public static final RuleGuard BOTH = new RuleGuard(true, true);
    /** Tests only: loads a rule file the guard would refuse (e.g. to show the evaluation deadline stops it). */
    public static final RuleGuard OFF = new RuleGuard(false, false);
}
