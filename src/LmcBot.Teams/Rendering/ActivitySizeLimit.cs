namespace LmcBot.Teams.Rendering;

/// <summary>
/// Our ceiling for one serialised activity: 28 KB, the smallest limit across Teams' documentation
/// versions (docs/PROTOCOLS.md B.4), counted in UTF-8 bytes as sent.
/// </summary>
internal static class ActivitySizeLimit
{
    public const int MaxBytes = 28 * 1024;
}
