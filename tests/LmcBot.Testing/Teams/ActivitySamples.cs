namespace LmcBot.Testing.Teams;

/// <summary>Recorded activities under Samples/, addressed to a connector's service URL and a bot's app id.</summary>
public static class ActivitySamples
{
    public static string Load(string name, string serviceUrl, string appId) =>
        Samples.Load(name, ("serviceUrl", serviceUrl), ("botId", "28:" + appId), ("appId", appId));
}
