using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LmcBot.Testing;

/// <summary>
/// Deterministic mutations of a recorded JSON payload for the adapters' fuzz runs: a value swapped for one of another
/// type (numeric strings, huge or fractional numbers, null, containers), a property removed or duplicated, a string
/// replaced by a lone surrogate escape, invalid UTF-8 or a very long text, a value nested hundreds of levels deep,
/// and byte-level damage (truncation, flipped or inserted bytes). The same seed gives the same bodies.
/// </summary>
public sealed partial class JsonMutator(int seed)
{
    /// <summary>Deep enough to pass most parsers' default depth (64) several times over, small enough for a 64 KB body.</summary>
    private const int MaxNesting = 3000;

    /// <summary>Characters of a long text: Thai, written as 6-byte \u escapes, so 30 KB of a 64 KB body.</summary>
    private const int LongTextLength = 5_000;

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xC3, 0x28],             // a lead byte without its continuation
        [0xFF],                   // never valid in UTF-8
        [0xED, 0xA0, 0x80],       // an encoded surrogate (CESU-8), invalid in UTF-8
        [0xC0, 0xAF],             // an overlong encoding of '/'
        [0xF4, 0x90, 0x80, 0x80], // above U+10FFFF
    ];

    private static readonly string[] RawValues =
    [
        "\"1\"", "\"2\"", "\"3\"", "\"64\"", "\"12\"", "\"true\"", "\"\"", "null", "true", "false", "0", "-1", "1.5", "-0",
        "1e400", "-1e400", "123456789012345678901234567890", "9223372036854775808", "2147483648", "4.9e-324",
        "{}", "[]", "[null]", "{\"id\":{}}", "\"\\ud800\"", "\"\\udc00x\"", "\"a\\ud800\\ud800b\"", "\"\\u0000\"",
        "\"<@9000000000000000000>\"", "\"kb undo\"", "\"\\u202e\\u0007\\u001b[2J\"",
    ];

    private readonly Random _random = new(seed);

    /// <summary>What the last <see cref="Mutate"/> did, for a failure message.</summary>
    public string LastMutation { get; private set; } = "";

    /// <summary>One mutated body from <paramref name="json"/>; <paramref name="edit"/> runs first (e.g. to give it a fresh id).</summary>
    public byte[] Mutate(string json, Action<JsonNode>? edit = null)
    {
        var root = JsonNode.Parse(json)!;
        edit?.Invoke(root);
        var splices = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var done = new List<string>();
        // Mostly one change, so most bodies stay close enough to the protocol to reach the code behind the parser.
        var structural = _random.Next(4) == 0 ? 2 : 1;
        for (var i = 0; i < structural; i++)
            done.Add(MutateTree(root, splices));

        var text = root.ToJsonString();
        if (_random.Next(6) == 0)
        {
            var duplicated = DuplicateKey(text);
            if (duplicated is not null)
            {
                text = duplicated;
                done.Add("duplicate key");
            }
        }
        var bytes = Splice(text, splices);
        if (_random.Next(6) == 0)
        {
            (bytes, var damage) = Damage(bytes);
            if (damage is not null)
                done.Add(damage);
        }
        LastMutation = string.Join(", ", done);
        return bytes;
    }

    private string MutateTree(JsonNode root, Dictionary<string, byte[]> splices)
    {
        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        if (nodes.Count == 0)
            return "nothing to mutate";
        var node = nodes[_random.Next(nodes.Count)];
        var where = node.GetPath();
        switch (_random.Next(6))
        {
            case 0:
                if (node.Parent is JsonObject owner)
                {
                    owner.Remove(owner.First(p => ReferenceEquals(p.Value, node)).Key);
                    return $"removed {where}";
                }
                goto default;
            case 1:
                return Replace(node, Marker(splices, Encoding.UTF8.GetBytes(RawValues[_random.Next(RawValues.Length)])), $"raw value at {where}");
            case 2:
            {
                var bad = InvalidUtf8[_random.Next(InvalidUtf8.Length)];
                var textBytes = Encoding.UTF8.GetBytes(node is JsonValue v && v.TryGetValue<string>(out var s) ? s : "x");
                var at = _random.Next(textBytes.Length + 1);
                return Replace(node, Marker(splices, [(byte)'"', .. textBytes[..at], .. bad, .. textBytes[at..], (byte)'"']), $"invalid UTF-8 in {where}");
            }
            case 3:
            {
                var depth = 1 + _random.Next(MaxNesting);
                var open = _random.Next(2) == 0 ? "[" : "{\"a\":";
                var close = open == "[" ? "]" : "}";
                var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
                return Replace(node, Marker(splices, Encoding.UTF8.GetBytes(nested)), $"nested {depth} deep at {where}");
            }
            case 4:
                return Replace(node, JsonValue.Create(new string('\u0e01', LongTextLength)), $"long text at {where}");
            default:
                return Replace(node, SwapType(node), $"type swap at {where}");
        }
    }

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj)
                    if (value is not null)
                    {
                        into.Add(value);
                        Collect(value, into);
                    }
                break;
            case JsonArray array:
                foreach (var value in array)
                    if (value is not null)
                    {
                        into.Add(value);
                        Collect(value, into);
                    }
                break;
        }
    }

    private JsonNode? SwapType(JsonNode node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? JsonValue.Create(n) : _random.Next(2) == 0 ? JsonValue.Create(s.Length) : new JsonArray(JsonValue.Create(s)),
        JsonValue v when v.TryGetValue<long>(out var n) => JsonValue.Create(n.ToString(CultureInfo.InvariantCulture)),
        JsonValue v when v.TryGetValue<bool>(out var b) => JsonValue.Create(b ? "true" : "false"),
        JsonObject => new JsonArray(),
        JsonArray => new JsonObject(),
        _ => null,
    };

    private static string Replace(JsonNode node, JsonNode? replacement, string what)
    {
        switch (node.Parent)
        {
            case JsonObject obj:
                obj[obj.First(p => ReferenceEquals(p.Value, node)).Key] = replacement;
                return what;
            case JsonArray array:
                array[array.IndexOf(node)] = replacement;
                return what;
            default:
                return "root left alone";
        }
    }

    /// <summary>A placeholder string later replaced by raw bytes that JsonNode could not hold (invalid text, 1e400, deep nesting).</summary>
    private static JsonValue Marker(Dictionary<string, byte[]> splices, byte[] raw)
    {
        var key = "\u0001M" + splices.Count.ToString(CultureInfo.InvariantCulture) + "\u0001";
        splices[key] = raw;
        return JsonValue.Create(key);
    }

    private static byte[] Splice(string text, Dictionary<string, byte[]> splices)
    {
        var output = new List<byte>(text.Length + 64);
        var position = 0;
        foreach (Match match in MarkerPattern().Matches(text))
        {
            output.AddRange(Encoding.UTF8.GetBytes(text[position..match.Index]));
            var key = "\u0001M" + match.Groups[1].Value + "\u0001";
            output.AddRange(splices.TryGetValue(key, out var raw) ? raw : Encoding.UTF8.GetBytes(match.Value));
            position = match.Index + match.Length;
        }
        output.AddRange(Encoding.UTF8.GetBytes(text[position..]));
        return [.. output];
    }

    private string? DuplicateKey(string text)
    {
        var keys = KeyPattern().Matches(text);
        if (keys.Count == 0)
            return null;
        var key = keys[_random.Next(keys.Count)];
        var value = RawValues[_random.Next(RawValues.Length)];
        return text.Insert(key.Index, $"{key.Value}{value},");
    }

    private (byte[] Bytes, string? What) Damage(byte[] bytes)
    {
        if (bytes.Length == 0)
            return (bytes, null);
        var at = _random.Next(bytes.Length);
        switch (_random.Next(3))
        {
            case 0:
                return (bytes[..at], $"truncated at {at}");
            case 1:
                var flipped = (byte[])bytes.Clone();
                flipped[at] = (byte)_random.Next(256);
                return (flipped, $"byte {at} set to {flipped[at]:X2}");
            default:
                var bad = InvalidUtf8[_random.Next(InvalidUtf8.Length)];
                return ([.. bytes[..at], .. bad, .. bytes[at..]], $"invalid UTF-8 inserted at {at}");
        }
    }

    // JsonNode writes the marker's control characters as \u0001.
    [GeneratedRegex(@"""\\u0001M(\d+)\\u0001""")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"""[a-z_]+"":")]
    private static partial Regex KeyPattern();
}
