namespace LmcBot.Teams.Connector;

/// <summary>
/// How a connector call ended. Failures the connector reports (403 bot blocked, 404 conversation
/// gone, 413 too big) are expected values here, not exceptions.
/// </summary>
internal readonly record struct ConnectorResult(bool Succeeded, int? Status, string? Error)
{
    public static ConnectorResult Ok(int status) => new(true, status, null);

    public static ConnectorResult Failed(int? status, string error) => new(false, status, error);
}
