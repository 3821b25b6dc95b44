using System.Globalization;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Admin;

/// <summary>
/// Rotating copies of the database taken before destructive admin operations (remove, re-import, undo), in a
/// <c>backups/</c> folder beside the database; the newest <c>Knowledge:Backups</c> are kept.
/// </summary>
internal sealed class KnowledgeBackups(KnowledgeStore store, int keep)
{
    public string Folder => Path.Combine(Path.GetDirectoryName(store.Path) ?? ".", "backups");

    private string Stem => Path.GetFileNameWithoutExtension(store.Path);

    /// <summary>Copies the database now; returns the backup's path, or null when backups are switched off.</summary>
    public string? Create(string reason)
    {
        if (keep <= 0) return null;
        Directory.CreateDirectory(Folder);
        var at = store.Now;
        string path;
        // Names sort by time; a clock that did not move (tests, a fast second change) still gets a new name.
        do
        {
            path = Path.Combine(Folder, $"{Stem}-{at.ToString("yyyyMMdd-HHmmss-fffffff", CultureInfo.InvariantCulture)}-{reason}.db");
            at = at.AddTicks(1);
        }
        while (File.Exists(path));
        store.CopyTo(path);
        foreach (var old in List().Skip(keep))
        {
            try { File.Delete(old); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return path;
    }

    /// <summary>The backups of this database, newest first.</summary>
    public IReadOnlyList<string> List() =>
        Directory.Exists(Folder)
            ? Directory.GetFiles(Folder, Stem + "-*.db").OrderDescending(StringComparer.Ordinal).ToList()
            : [];
}
