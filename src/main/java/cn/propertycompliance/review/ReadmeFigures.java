package cn.propertycompliance.review;

/**
 * The coverage figures the README quotes, kept between two markers and written by the review command
 * ({@code --readme README.md}) from the report itself, so the README never shows figures nobody measured.
 */
public final class ReadmeFigures {

    static final String BEGIN = "<!-- review-figures: written by ./mvnw -q compile exec:java -Dexec.args=\"--readme README.md\" -->";
    static final String END = "<!-- /review-figures -->";

    private ReadmeFigures() {
    }

    /** The block as the report gives it today. */
    public static String block(Coverage coverage) {
        StringBuilder out = new StringBuilder(BEGIN).append('\n').append("```text\n");
        coverage.summaryLines().forEach(line -> out.append(line).append('\n'));
        return out.append("```\n").append(END).toString();
    }

    /** The README with its figures block replaced by today's; a README without the markers is an error. */
    public static String rewrite(String readme, Coverage coverage) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README has no figures block (" + BEGIN + " … " + END + ")");
        }
        return readme.substring(0, begin) + block(coverage) + readme.substring(end + END.length());
    }

    /** The block as the README has it now, or null. */
    public static String current(String readme) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        return begin < 0 || end < begin ? null : readme.substring(begin, end + END.length());
    }
}
