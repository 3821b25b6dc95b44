using System.Text.Json.Serialization;

namespace LmcBot.Core.Chat;

/// <summary>
/// What an answer is, from a closed list: the engines' answer kinds, the catalog's commands and the refusals. Code
/// outside the core compares members (<see cref="Help"/>), never strings; <see cref="Name"/> is what logs, metrics
/// and <c>ask --json</c> show.
/// </summary>
/// <remarks>
/// Everything, the answering engines included, names an intent by its member: there is no conversion from a
/// string, so a misspelt intent does not compile. <see cref="Parse"/> reads a name from outside (JSON, the CLI).
/// </remarks>
[JsonConverter(typeof(IntentJsonConverter))]
public sealed class Intent
{
    private static readonly Dictionary<string, Intent> ByName = new(StringComparer.Ordinal);
    private static readonly List<Intent> Declared = [];

    private Intent(string name)
    {
        Name = name;
        ByName.Add(name, this);
        Declared.Add(this);
    }

    /// <summary>The wire name (<c>figure-series</c>, <c>kb.add</c>).</summary>
    public string Name { get; }

    // Answers and declines of the answering engines.
    public static readonly Intent Fact = new("fact");
    public static readonly Intent Figure = new("figure");
    public static readonly Intent FigureSeries = new("figure-series");
    public static readonly Intent Route = new("route");
    public static readonly Intent Investors = new("investors");
    public static readonly Intent CityPairs = new("citypairs");
    public static readonly Intent Meeting = new("meeting");
    public static readonly Intent MeetingList = new("meeting-list");
    public static readonly Intent Founding = new("founding");
    public static readonly Intent Membership = new("membership");
    public static readonly Intent Overview = new("overview");
    public static readonly Intent Document = new("document");
    public static readonly Intent Decline = new("decline");
    public static readonly Intent UnknownName = new("unknown-name");
    public static readonly Intent Future = new("future");
    public static readonly Intent Smalltalk = new("smalltalk");

    /// <summary>"Did you mean …?": the question could mean two things, and the reply offers choices.</summary>
    public static readonly Intent Choice = new("choice");

    /// <summary>A vote on an answer was recorded (or refused).</summary>
    public static readonly Intent Feedback = new("feedback");

    /// <summary>No question in the text (only punctuation, emoji).</summary>
    public static readonly Intent Empty = new("empty");

    // The catalog's informational commands. The engines return Help when a question asks for it; the router answers with the catalog's help.
    public static readonly Intent Help = new("help");
    public static readonly Intent About = new("about");
    public static readonly Intent Sources = new("sources");
    public static readonly Intent Trade = new("trade");

    // Admin commands.
    public static readonly Intent KbAdd = new("kb.add");
    public static readonly Intent KbEdit = new("kb.edit");
    public static readonly Intent KbRemove = new("kb.remove");
    public static readonly Intent KbRestore = new("kb.restore");
    public static readonly Intent KbShow = new("kb.show");
    public static readonly Intent KbList = new("kb.list");
    public static readonly Intent KbImport = new("kb.import");
    public static readonly Intent KbHistory = new("kb.history");
    public static readonly Intent KbUndo = new("kb.undo");
    public static readonly Intent KbUnanswered = new("kb.unanswered");
    public static readonly Intent KbExport = new("kb.export");
    public static readonly Intent KbFeedback = new("kb.feedback");

    // Refusals that belong to no command (see ErrorKind).
    public static readonly Intent Usage = new("usage");
    public static readonly Intent AdminOnly = new("admin-only");
    public static readonly Intent RateLimited = new("rate-limited");
    public static readonly Intent Error = new("error");

    /// <summary>Every intent, in declaration order.</summary>
    public static IReadOnlyList<Intent> All => Declared;

    /// <summary>Informational replies (help, about, sources, small talk, nothing asked, a "did you mean", a vote's thanks): neither answers from facts nor declines.</summary>
    public bool IsInformational => this == Help || this == About || this == Sources || this == Smalltalk || this == Empty || this == Choice || this == Feedback;

    /// <summary>The admin commands (<c>kb …</c>).</summary>
    public bool IsAdmin => Name.StartsWith("kb.", StringComparison.Ordinal);

    /// <summary>Admin commands that change the database; kb list, show, history, unanswered and export only read it.</summary>
    public bool ChangesKnowledge => this == KbAdd || this == KbEdit || this == KbRemove || this == KbRestore || this == KbImport || this == KbUndo;

    /// <summary>The intent named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No intent has that name.</exception>
    public static Intent Parse(string name) =>
        ByName.TryGetValue(name, out var intent)
            ? intent
            : throw new ArgumentException($"'{name}' is not an intent; the intents are listed in {nameof(Intent)}.cs.", nameof(name));

    public static bool TryParse(string name, out Intent? intent) => ByName.TryGetValue(name, out intent);


    /// <summary>The intent of a refusal that no command names.</summary>
    public static Intent Of(ErrorKind kind) => kind switch
    {
        ErrorKind.Usage => Usage,
        ErrorKind.AdminOnly => AdminOnly,
        ErrorKind.RateLimited => RateLimited,
        _ => Error,
    };

    public override string ToString() => Name;
}
