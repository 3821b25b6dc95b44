namespace LmcBot.Teams.Connector;

/// <summary>The connector's answer to a send: the new activity's id.</summary>
internal sealed record ConnectorResourceResponse(string? Id);
