using System.Reflection;
using LmcBot.Core.Text;
using YamlDotNet.RepresentationModel;

namespace LmcBot.Core.Answering;

/// <summary>
/// The question vocabulary that is data rather than code (<c>QuestionVocabulary.yaml</c>, embedded):
/// question words in the region's other languages mapped onto English. Loaded and checked once; a
/// malformed file is a build-time mistake and fails the first question loudly (and the vocabulary test).
/// </summary>
internal sealed class QuestionVocabulary
{
    private const string ResourceName = "LmcBot.Core.Answering.Reading.QuestionVocabulary.yaml";

    public static QuestionVocabulary Default { get; } = Load();

    /// <summary>Keys in scripts written without spaces, longest first: replaced as substrings.</summary>
    public IReadOnlyList<(string Key, string English)> ScriptWords { get; }

    /// <summary>Latin-script keys (Vietnamese), as token runs, longest first: replaced as whole words.</summary>
    public IReadOnlyList<(string[] Key, string English)> LatinPhrases { get; }

    private QuestionVocabulary(Dictionary<string, string> translations)
    {
        ScriptWords = [.. translations.Where(t => !IsLatin(t.Key)).OrderByDescending(t => t.Key.Length).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, t.Value))];
        LatinPhrases = [.. translations.Where(t => IsLatin(t.Key)).Select(t => (Key: t.Key.Split(' '), English: t.Value))
            .OrderByDescending(t => t.Key.Length).ThenBy(t => string.Join(' ', t.Key), StringComparer.Ordinal)];
    }

    public static QuestionVocabulary Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses and checks the vocabulary text; every problem is reported with its key.</summary>
    public static QuestionVocabulary Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var translations = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (keyNode, valueNode) in ((YamlMappingNode)root.Children[new YamlScalarNode("translations")]).Children)
        {
            var key = TextFolding.Fold(((YamlScalarNode)keyNode).Value);
            var value = ((YamlScalarNode)valueNode).Value ?? "";
            if (key.Length == 0) problems.Add("an empty key");
            else if (!translations.TryAdd(key, value)) problems.Add($"'{key}' is given twice");
            if (!value.Split(' ').All(w => w.Length > 0 && w.All(char.IsAsciiLetterLower)))
                problems.Add($"'{key}' maps to '{value}', which is not plain lower-case English words");
        }
        if (problems.Count > 0)
            throw new InvalidOperationException("QuestionVocabulary.yaml: " + string.Join("; ", problems) + ".");
        return new QuestionVocabulary(translations);
    }

    private static bool IsLatin(string folded) => folded.All(c => c == ' ' || char.IsAsciiLetterOrDigit(c));
}
