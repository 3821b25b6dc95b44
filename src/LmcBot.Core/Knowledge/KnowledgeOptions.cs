using System.ComponentModel.DataAnnotations;

namespace LmcBot.Core.Knowledge;

/// <summary>Configuration section <c>Knowledge</c>: where the database and the shipped knowledge files are.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    /// <summary>The LiteDB file (<c>Knowledge__DatabasePath</c>); relative paths are resolved against the content root.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Knowledge:DatabasePath is required (the LiteDB file).")]
    public string DatabasePath { get; set; } = "data/lmcbot.db";

    /// <summary>The <c>knowledge/</c> folder synced into the database (<c>Knowledge__Folder</c>).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Knowledge:Folder is required (the knowledge/ folder).")]
    public string Folder { get; set; } = "knowledge";

    /// <summary>Rotating backups kept before destructive admin operations (<c>Knowledge__Backups</c>).</summary>
    [Range(0, 100, ErrorMessage = "Knowledge:Backups must be between 0 and 100.")]
    public int Backups { get; set; } = 5;
}
