namespace LmcBot.Core.Knowledge;

/// <summary>The knowledge files have errors; nothing was changed.</summary>
public sealed class KnowledgeValidationException(IReadOnlyList<KnowledgeError> errors)
    : Exception($"The knowledge files have {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<KnowledgeError> Errors { get; } = errors;
}
