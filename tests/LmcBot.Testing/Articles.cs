namespace LmcBot.Testing;

/// <summary>Articles an admin imports in tests.</summary>
public static class Articles
{
    /// <summary>A news article with front matter and two figures, not in the shipped knowledge.</summary>
    public const string Cruise = """
        ---
        id: mekong-river-cruise-pilot
        title: Mekong river cruise pilot
        url: https://example.org/news/mekong-cruise
        published: 2025-10-01
        ---
        # Mekong river cruise pilot

        The Mekong river cruise pilot carried 12,000 passengers between Jinghong and Chiang Saen in its first season in 2025.

        The Xishuangbanna shipping bureau ran the river cruise pilot with two boats.
        """;
}
