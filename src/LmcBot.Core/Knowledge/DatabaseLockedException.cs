namespace LmcBot.Core.Knowledge;

/// <summary>
/// Another process holds the database's writer lock. Not an <see cref="IOException"/> on purpose: callers that
/// tolerate an unusable database path must still refuse to run beside another writer.
/// </summary>
public sealed class DatabaseLockedException(string databasePath, DatabaseLockHolder? holder)
    : Exception(Explain(databasePath, holder))
{
    public string DatabasePath { get; } = databasePath;

    /// <summary>What the holder wrote about itself; null when it had not written it yet (or it could not be read).</summary>
    public DatabaseLockHolder? Holder { get; } = holder;

    private static string Explain(string path, DatabaseLockHolder? holder) =>
        $"The knowledge database {path} is in use by {holder?.Describe() ?? "another process (it did not say which)"}; " +
        "only one process may write it at a time. Stop that process first, or make the change from chat (/kb on Discord, kb in Teams); " +
        "while an LmcBot web host with its admin endpoint runs, 'LmcBot kb …' and 'LmcBot ask' go through it.";
}
