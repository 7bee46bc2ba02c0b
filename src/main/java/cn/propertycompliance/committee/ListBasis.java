package cn.propertycompliance.committee;

/**
 * The value type of {@code committee.negativeListBasis}: how one layer's negative-list text is named in a finding —
 * what the text calls the member ({@code member}: 委员, 业主委员会成员 …), what the member is found to have done under it
 * ({@code finding}: 有北京市物业管理条例第四十七条禁止的行为; where the article names what follows, that
 * too: …规定的情形，由业主大会决定是否罢免). The entry cites the article: it is the clause of {@code CN-COMMITTEE-NEGATIVE-LIST}'s finding.
 */
public record ListBasis(String member, String finding) {
}
