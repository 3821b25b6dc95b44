namespace LmcBot.Teams.Messaging;

/// <summary>The body of the Bot Framework <c>healthCheck</c> invoke response.</summary>
internal sealed record HealthCheckResponse(HealthResults HealthResults);

/// <summary><c>healthResults</c>: the bot is reachable and its messaging endpoint works.</summary>
internal sealed record HealthResults(bool Success, IReadOnlyList<string> Messages);
