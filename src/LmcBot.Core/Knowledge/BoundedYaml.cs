using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// Loads YAML from an admin or a file (front matter, knowledge files) into YamlDotNet's node tree only once it is known
/// to be small, shallow and plain. YamlDotNet builds that tree, and hashes mapping keys, by recursion: deep nesting or
/// a key that refers to itself (<c>? &amp;k [*k]</c>) overflows the stack, which no catch stops and which ends the
/// whole host. Its scanner also slows quadratically on long runs of <c>[</c> or <c>{</c>, so those are counted first.
/// </summary>
public static class BoundedYaml
{
    /// <summary>
    /// Deepest nesting of lists and mappings accepted. The knowledge format needs 4 (a facts file, its list, a fact,
    /// its cite); 16 leaves room, and YamlDotNet's recursive loader needs thousands of levels to exhaust a stack.
    /// </summary>
    public const int MaxDepth = 16;

    /// <summary>What is wrong and on which line of the YAML text (1-based).</summary>
    public sealed record Problem(int Line, string Message);

    /// <summary>
    /// The first document's root node, or null with <paramref name="problem"/> saying why (null and no problem when
    /// the text holds no document). <paramref name="what"/> names the text in messages ("front matter").
    /// </summary>
    public static YamlNode? Load(string yaml, int maxChars, string what, out Problem? problem)
    {
        problem = null;
        if (yaml.Length > maxChars)
        {
            problem = new Problem(1, string.Create(CultureInfo.InvariantCulture,
                $"{what} is {yaml.Length:N0} characters; the limit is {maxChars:N0}"));
            return null;
        }
        problem = FlowBracketDepth(yaml, what) ?? CheckEvents(yaml, what);
        if (problem is not null) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        }
        catch (YamlException ex)
        {
            problem = FromException(ex);
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's own state errors on some malformed text (the event check catches those it can name).
            problem = Unreadable(1, what);
            return null;
        }
    }

    /// <summary>The text of a scalar node; null for a list, a mapping or a missing node.</summary>
    public static string? ScalarText(YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>"a list", "a mapping" or "a value", for messages about the wrong kind of node.</summary>
    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "a value",
    };

    /// <summary>
    /// An upper bound on flow nesting from the characters alone, before YamlDotNet scans them: every bracket counts,
    /// quoted or not, so text that passes is never deeper than the limit in <c>[ ]</c>/<c>{ }</c> runs.
    /// </summary>
    private static Problem? FlowBracketDepth(string yaml, string what)
    {
        var depth = 0;
        var line = 1;
        foreach (var c in yaml)
        {
            switch (c)
            {
                case '\n': line++; break;
                case '[' or '{' when ++depth > MaxDepth:
                    return new Problem(line, $"{what} nests more than {MaxDepth} levels of [ ] or {{ }}");
                case ']' or '}': depth = Math.Max(0, depth - 1); break;
            }
        }
        return null;
    }

    private enum Expect { Item, Key, Value }

    /// <summary>
    /// Walks YamlDotNet's event stream (its parser keeps its state on the heap, not the stack) and refuses what the
    /// recursive loader cannot take: nesting past <see cref="MaxDepth"/>, anchors and aliases, keys that are not
    /// plain values, and more than one document.
    /// </summary>
    private static Problem? CheckEvents(string yaml, string what)
    {
        var open = new Stack<Expect>();
        var documents = 0;
        var line = 1;
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                line = (int)current.Start.Line;
                switch (current)
                {
                    case DocumentStart when ++documents > 1:
                        return new Problem(line, $"{what} holds more than one YAML document");
                    case AnchorAlias alias:
                        return new Problem(line, $"{what} uses the alias *{alias.Value}; anchors and aliases (& and *) are not supported, write the value out");
                    case NodeEvent { Anchor.IsEmpty: false } node:
                        return new Problem(line, $"{what} uses the anchor &{node.Anchor}; anchors and aliases (& and *) are not supported, write the value out");
                }
                switch (current)
                {
                    case MappingStart or SequenceStart:
                        if (open.TryPeek(out var parent) && parent == Expect.Key)
                            return new Problem(line, $"{what} uses {(current is MappingStart ? "a mapping" : "a list")} as a key; keys must be plain names such as 'title'");
                        Advance(open);
                        open.Push(current is MappingStart ? Expect.Key : Expect.Item);
                        if (open.Count > MaxDepth)
                            return new Problem(line, $"{what} nests lists and mappings more than {MaxDepth} levels deep");
                        break;
                    case MappingEnd when open.TryPeek(out var top) && top == Expect.Value:
                        // YamlDotNet's parser can close a mapping after a key on some malformed text; its loader then throws.
                        return new Problem(line, $"{what} has a key without a value");
                    case MappingEnd or SequenceEnd:
                        open.Pop();
                        break;
                    case Scalar:
                        Advance(open);
                        break;
                }
            }
            return null;
        }
        catch (YamlException ex)
        {
            return FromException(ex);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed text (": [" then a plain line) instead of with a YamlException.
            return Unreadable(line, what);
        }
    }

    private static Problem Unreadable(int line, string what) =>
        new(line, $"{what} is not valid YAML: check the brackets, quotes, colons and indentation around this line");

    /// <summary>A node was read inside the innermost open mapping: a key is followed by its value and the value by the next key.</summary>
    private static void Advance(Stack<Expect> open)
    {
        if (open.TryPop(out var top))
            open.Push(top switch { Expect.Key => Expect.Value, Expect.Value => Expect.Key, _ => Expect.Item });
    }

    private static Problem FromException(YamlException ex) =>
        new((int)Math.Max(1, ex.Start.Line), (ex.InnerException?.Message ?? ex.Message).TrimEnd('.'));
}
