using System.Diagnostics;
using System.Text.Json;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// One writer per database file, enforced by the operating system: <c>&lt;db&gt;.lock</c> opened with
/// <see cref="FileShare.None"/> (an exclusive <c>flock</c> on Unix, a sharing lock on Windows) for as long as the
/// database is open. The kernel drops it when the process dies, so a crash never leaves the database locked.
/// </summary>
/// <remarks>
/// LiteDB's direct mode shares its file between processes without any coordination, so two processes writing
/// the same file lose updates. The holder's details go into a second file, <c>&lt;db&gt;.lock.json</c>, because
/// the locked file itself cannot be opened, not even for reading, by anyone else.
/// </remarks>
public sealed class DatabaseWriterLock : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly FileStream _lock;
    private DatabaseLockHolder _holder;
    private bool _disposed;

    private DatabaseWriterLock(string databasePath, FileStream stream, DatabaseLockHolder holder)
    {
        DatabasePath = databasePath;
        _lock = stream;
        _holder = holder;
        WriteHolder();
    }

    public string DatabasePath { get; }

    public DatabaseLockHolder Holder => _holder;

    public static string LockPath(string databasePath) => databasePath + ".lock";

    public static string HolderPath(string databasePath) => databasePath + ".lock.json";

    /// <summary>Takes the lock or throws <see cref="DatabaseLockedException"/> naming who holds it.</summary>
    /// <param name="purpose">What this process is, for the message another process shows ("the LmcBot web host").</param>
    public static DatabaseWriterLock Acquire(string databasePath, string purpose)
    {
        // With file locking switched off, FileShare.None would silently lock nothing.
        if (AppContext.TryGetSwitch("System.IO.DisableFileLocking", out var disabled) && disabled
            || Environment.GetEnvironmentVariable("DOTNET_SYSTEM_IO_DISABLEFILELOCKING") is "1" or "true")
            throw new InvalidOperationException(
                "File locking is switched off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING or System.IO.DisableFileLocking), so the knowledge database cannot be protected against a second writer. Unset it.");
        FileStream stream;
        try
        {
            stream = new FileStream(LockPath(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException) when (File.Exists(LockPath(databasePath)))
        {
            throw new DatabaseLockedException(databasePath, ReadHolder(databasePath));
        }
        try
        {
            using var self = Process.GetCurrentProcess();
            return new DatabaseWriterLock(databasePath, stream,
                new DatabaseLockHolder(Environment.ProcessId, self.StartTime.ToUniversalTime(), Environment.MachineName, purpose));
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Who holds the lock, from its <c>.lock.json</c>; null when it is absent or unreadable.</summary>
    public static DatabaseLockHolder? ReadHolder(string databasePath)
    {
        try
        {
            return JsonSerializer.Deserialize<DatabaseLockHolder>(File.ReadAllText(HolderPath(databasePath)));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Announces (or withdraws, with null) the holder's admin endpoint to other processes.</summary>
    public void PublishAdminEndpoint(string? endpoint)
    {
        _holder = _holder with { AdminEndpoint = endpoint };
        WriteHolder();
    }

    private void WriteHolder()
    {
        // Written beside and renamed, so a reader never sees half a file.
        var path = HolderPath(DatabasePath);
        var partial = path + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(_holder, Json));
        File.Move(partial, path, overwrite: true);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // The details first: once the lock is free, a new holder may already be writing its own.
        try { File.Delete(HolderPath(DatabasePath)); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        _lock.Dispose();
    }
}
