using System.IO.Compression;
using System.Text.Json;
using LmcBot.Teams.Package;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Package;

public sealed class TeamsAppPackageTests : IDisposable
{
    private const string AppId = "5f0c2e1a-7b3d-4c59-9a8e-1d2f3a4b5c6d";

    private readonly TempDirectory _directory = new();

    [Fact]
    public void Write_ValidAppId_WritesZipWithManifestAndIconsAtTopLevel()
    {
        var path = Path.Combine(_directory.Path, "out", "lmcbot.zip");
        using var output = new StringWriter();

        var exit = TeamsAppPackage.Write(AppId, path, output);

        Assert.Equal(0, exit);
        Assert.Contains(path, output.ToString());
        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Fact]
    public void Write_Manifest_HasSchema119RequiredFieldsWithinTheirLimits()
    {
        using var manifest = Manifest(WritePackage());
        var root = manifest.RootElement;

        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.19/MicrosoftTeams.schema.json", root.GetProperty("$schema").GetString());
        Assert.Equal("1.19", root.GetProperty("manifestVersion").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", root.GetProperty("version").GetString());
        Assert.Equal(AppId, root.GetProperty("id").GetString());
        var developer = root.GetProperty("developer");
        Assert.InRange(developer.GetProperty("name").GetString()!.Length, 1, 32);
        foreach (var url in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
            Assert.StartsWith("https://", developer.GetProperty(url).GetString());
        Assert.InRange(root.GetProperty("name").GetProperty("short").GetString()!.Length, 1, 30);
        Assert.InRange(root.GetProperty("name").GetProperty("full").GetString()!.Length, 1, 100);
        Assert.InRange(root.GetProperty("description").GetProperty("short").GetString()!.Length, 1, 80);
        Assert.InRange(root.GetProperty("description").GetProperty("full").GetString()!.Length, 1, 4000);
        Assert.Equal("color.png", root.GetProperty("icons").GetProperty("color").GetString());
        Assert.Equal("outline.png", root.GetProperty("icons").GetProperty("outline").GetString());
        Assert.Matches("^#[0-9A-Fa-f]{6}$", root.GetProperty("accentColor").GetString());
    }

    [Fact]
    public void Write_Manifest_DeclaresOneBotInAllScopesWithCatalogCommands()
    {
        using var manifest = Manifest(WritePackage());

        var bot = Assert.Single(manifest.RootElement.GetProperty("bots").EnumerateArray());
        Assert.Equal(AppId, bot.GetProperty("botId").GetString());
        Assert.Equal(["personal", "team", "groupChat"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        var lists = bot.GetProperty("commandLists").EnumerateArray().ToList();
        Assert.InRange(lists.Count, 1, 3);
        foreach (var list in lists)
        {
            var commands = list.GetProperty("commands").EnumerateArray().ToList();
            Assert.InRange(commands.Count, 1, 10);
            Assert.All(commands, c =>
            {
                Assert.InRange(c.GetProperty("title").GetString()!.Length, 1, 32);
                Assert.InRange(c.GetProperty("description").GetString()!.Length, 1, 128);
            });
        }
        var commandsByTitle = lists[0].GetProperty("commands").EnumerateArray()
            .ToDictionary(c => c.GetProperty("title").GetString()!, c => c.GetProperty("description").GetString()!);
        Assert.Equal(["ask", "route", "investors", "citypairs", "trade", "about", "sources", "help", "kb"], commandsByTitle.Keys);
        Assert.Equal("Show a route and its stops", commandsByTitle["route"]);
        Assert.Equal("Admin: keep the knowledge base current", commandsByTitle["kb"]);
    }

    [Fact]
    public void Write_ColorIcon_Is192SquareOpaqueRgbaWithAWhiteSymbol()
    {
        var icon = PngImage.Read(Entry(WritePackage(), "color.png"));

        Assert.Equal((192, 192, 8, 6), (icon.Width, icon.Height, icon.BitDepth, icon.ColorType));
        var pixels = Pixels(icon).ToList();
        Assert.All(pixels, p => Assert.Equal(255, p.A));
        Assert.Contains(pixels, p => p is { R: 255, G: 255, B: 255 });
        Assert.Equal((0x1B, 0x6A, 0x8A), (pixels[0].R, pixels[0].G, pixels[0].B));
    }

    [Fact]
    public void Write_OutlineIcon_Is32SquareWhiteOnTransparent()
    {
        var icon = PngImage.Read(Entry(WritePackage(), "outline.png"));

        Assert.Equal((32, 32, 8, 6), (icon.Width, icon.Height, icon.BitDepth, icon.ColorType));
        var pixels = Pixels(icon).ToList();
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
    }

    [Theory]
    [InlineData("1.4.2", 0)]
    [InlineData("1.4", 2)]
    [InlineData("v2.0.0", 2)]
    public void Write_Version_IsWrittenWhenSemver(string version, int expectedExit)
    {
        var path = Path.Combine(_directory.Path, "versioned.zip");
        using var output = new StringWriter();

        var exit = TeamsAppPackage.Write(AppId, path, output, version);

        Assert.Equal(expectedExit, exit);
        if (expectedExit == 0)
        {
            using var manifest = Manifest(path);
            Assert.Equal(version, manifest.RootElement.GetProperty("version").GetString());
        }
        else
        {
            Assert.Contains("the version must be semver", output.ToString());
        }
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("")]
    public void Write_InvalidAppId_Returns2AndWritesNothing(string appId)
    {
        var path = Path.Combine(_directory.Path, "bad.zip");
        using var output = new StringWriter();

        var exit = TeamsAppPackage.Write(appId, path, output);

        Assert.Equal(2, exit);
        Assert.Contains("--app-id must be the Azure Bot's Microsoft App ID, a GUID", output.ToString());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Write_UnwritablePath_Returns1WithTheReason()
    {
        var blocker = Path.Combine(_directory.Path, "a-file");
        File.WriteAllText(blocker, "");
        using var output = new StringWriter();

        var exit = TeamsAppPackage.Write(AppId, Path.Combine(blocker, "app.zip"), output);

        Assert.Equal(1, exit);
        Assert.StartsWith("error: could not write", output.ToString());
    }

    [Fact]
    public void Write_OutPathIsAFolder_WritesDefaultFileNameInIt()
    {
        using var output = new StringWriter();

        Assert.Equal(0, TeamsAppPackage.Write(AppId, _directory.Path, output));

        Assert.True(File.Exists(Path.Combine(_directory.Path, TeamsAppPackage.DefaultFileName)));
    }

    [Fact]
    public void Write_SameInput_IsByteForByteReproducible()
    {
        var first = File.ReadAllBytes(WritePackage("a.zip"));
        var second = File.ReadAllBytes(WritePackage("b.zip"));

        Assert.Equal(first, second);
    }

    private string WritePackage(string name = "app.zip")
    {
        var path = Path.Combine(_directory.Path, name);
        Assert.Equal(0, TeamsAppPackage.Write(AppId, path, TextWriter.Null));
        return path;
    }

    private static JsonDocument Manifest(string zipPath) => JsonDocument.Parse(Entry(zipPath, "manifest.json"));

    private static byte[] Entry(string zipPath, string name)
    {
        using var zip = ZipFile.OpenRead(zipPath);
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static IEnumerable<(byte R, byte G, byte B, byte A)> Pixels(PngImage image)
    {
        for (var i = 0; i < image.Rgba.Length; i += 4)
            yield return (image.Rgba[i], image.Rgba[i + 1], image.Rgba[i + 2], image.Rgba[i + 3]);
    }

    public void Dispose() => _directory.Dispose();
}
