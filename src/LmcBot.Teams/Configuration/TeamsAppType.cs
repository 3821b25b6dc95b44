namespace LmcBot.Teams.Configuration;

/// <summary>How the Azure Bot's app registration is set up; decides the outbound token authority.</summary>
public enum TeamsAppType
{
    /// <summary>Tokens come from the <c>botframework.com</c> tenant (the default for Azure Bot registrations).</summary>
    MultiTenant,

    /// <summary>Tokens come from <see cref="TeamsOptions.TenantId"/>; Entra ID issuers of that tenant are trusted inbound too.</summary>
    SingleTenant,
}
