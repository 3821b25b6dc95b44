namespace LmcBot.Core.Knowledge;

/// <summary>A kind of typed fact and its fields (docs/KNOWLEDGE-FORMAT.md lists them).</summary>
public sealed record FactKind(string Name, string Description, IReadOnlyList<FactField> Fields)
{
    public const string Organisation = "organisation";
    public const string Route = "route";
    public const string Investment = "investment";
    public const string CityPair = "citypair";
    public const string Figure = "figure";
    public const string Place = "place";
    public const string Meeting = "meeting";
    public const string Fund = "fund";
    public const string Event = "event";
    public const string Note = "note";

    public FactField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public static IReadOnlyList<FactKind> All { get; } =
    [
        new(Organisation, "membership and organisation",
        [
            new("name", Required: true, IsEntity: true), new("type"), new("members", IsEntity: true, IsList: true),
            new("founded", IsDate: true), new("proposed", IsDate: true), new("announced", IsDate: true), new("launched", IsDate: true),
            new("place", IsEntity: true), new("aligns_with"), new("pillars", IsList: true), new("priority_areas", IsList: true),
            new("additions", IsList: true), new("description"), new("parent", IsEntity: true),
        ]),
        new(Route, "route or service with ordered stops",
        [
            new("name", Required: true, IsEntity: true), new("stops", Required: true, IsEntity: true, IsList: true),
            new("operator", IsEntity: true), new("launched", IsDate: true), new("first_run", IsDate: true), new("opened", IsDate: true),
            new("length_km", IsNumber: true), new("duration"), new("frequency"), new("mode"), new("connects_to", IsEntity: true, IsList: true),
        ]),
        new(Investment, "investment by a company in a country",
        [
            new("investor", Required: true, IsEntity: true), new("country", Required: true, IsEntity: true), new("sector", Required: true),
            new("place", IsEntity: true), new("announced", IsDate: true), new("opened", IsDate: true), new("capacity"), new("amount"), new("description"),
        ]),
        new(CityPair, "partnership between two cities or provinces",
        [
            new("city_a", Required: true, IsEntity: true), new("city_b", Required: true, IsEntity: true), new("status", Required: true),
            new("date", IsDate: true), new("country_a", IsEntity: true), new("country_b", IsEntity: true),
        ]),
        new(Figure, "a number with its unit and year",
        [
            new("metric", Required: true), new("value", Required: true, IsNumber: true), new("unit", Required: true),
            new("year", IsDate: true), new("date", IsDate: true), new("qualifier"), new("change"), new("change_basis"),
            new("subject", IsEntity: true), new("scope"),
        ]),
        new(Place, "place or organisation",
        [
            new("name", Required: true, IsEntity: true), new("type"), new("location", IsEntity: true), new("opened", IsDate: true),
            new("founded", IsDate: true), new("role"), new("capacity"), new("description"),
        ]),
        new(Meeting, "meeting with its date, place and chairs",
        [
            new("name", Required: true), new("type", Required: true), new("number", IsNumber: true), new("date", Required: true, IsDate: true),
            new("place", Required: true, IsEntity: true), new("co_chairs", IsEntity: true, IsList: true), new("theme"),
            new("outcomes", IsList: true), new("attendees", IsEntity: true, IsList: true),
        ]),
        new(Fund, "fund or credit line",
        [
            new("name", Required: true, IsEntity: true), new("amount"), new("value", IsNumber: true), new("currency"), new("period"),
            new("announced", IsDate: true), new("purpose"), new("announced_at"),
        ]),
        new(Event, "event with a date",
        [
            new("name", Required: true, IsEntity: true), new("date", IsDate: true), new("end_date", IsDate: true),
            new("place", IsEntity: true), new("description"),
        ]),
        new(Note, "free fact about a subject", [new("subject", IsEntity: true)]),
    ];

    public static FactKind? Find(string? name) => All.FirstOrDefault(k => k.Name == name);
}
