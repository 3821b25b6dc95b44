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

    /// <summary>
    /// Answers remembered per knowledge version, so a question asked again is not worked out again
    /// (<c>Knowledge__AnswerCacheSize</c>); 0 turns it off. Every change to the knowledge builds a new
    /// version with an empty cache, so a remembered answer is never stale.
    /// </summary>
    [Range(0, 1_000_000, ErrorMessage = "Knowledge:AnswerCacheSize must be between 0 (off) and 1000000.")]
    public int AnswerCacheSize { get; set; } = 1024;

    /// <summary>
    /// Which answering engine free-text questions go through (<c>Knowledge__Answering</c>): <c>Guarded</c> (default),
    /// the first round's engine with the pipeline's calibrated veto; <c>Pipeline</c>, the staged pipeline with a fitted
    /// scorer alone (docs/ANSWERING.md), which becomes the default once it meets the validation gates; <c>Legacy</c>,
    /// the first round's engine alone.
    /// </summary>
    public AnsweringEngine Answering { get; set; } = AnsweringEngine.Guarded;
}
