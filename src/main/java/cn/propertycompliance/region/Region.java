package cn.propertycompliance.region;

import java.util.List;

/**
 * A resolved division: its code, its full name (省市区 joined) and the jurisdiction layers that apply there,
 * broadest first, starting with the national layer 000000.
 */
public record Region(String code, String name, List<String> layers) {
}
