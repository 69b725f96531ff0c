namespace TuiProf.Tests.Targets;

/// <summary>
/// The text of the small real projects the target tests build and profile (and bench/ times), written by hand (no
/// <c>dotnet new</c>: it is slower and may want templates from the network). Paths are relative to a root directory.
/// </summary>
public static class TestProjectSources
{
    /// <summary>MSBuild node reuse and the compiler server off: a build's processes all end with it.</summary>
    public static readonly string[] NoLeftovers = ["-nodeReuse:false", "-p:UseSharedCompilation=false"];

    public static string Solution(string root) => Path.Combine(root, "Shapes", "Shapes.slnx");

    /// <summary>What building the solution produces last (the app, after both libraries).</summary>
    public static string SolutionOutput(string root) => Path.Combine(root, "Shapes", "App", "bin", "Debug", "net10.0", "Shapes.App.dll");

    public static void WriteTo(string root, Func<string, bool> which)
    {
        foreach (var (path, text) in Files.Where(f => which(f.Key)))
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }

    /// <summary>Removes the solution's build outputs (not its restore), so the next build compiles all three projects.</summary>
    public static void CleanSolution(string root)
    {
        foreach (var project in new[] { "App", "Geometry", "Text" })
        {
            var dir = Path.Combine(root, "Shapes", project);
            foreach (var output in new[] { Path.Combine(dir, "bin"), Path.Combine(dir, "obj", "Debug") })
                if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }

    // The versions the suite itself restores (Directory.Packages.props), so the package cache already holds them.
    private const string TestSdkVersion = "18.0.1";
    private const string XunitVersion = "2.9.3";
    private const string XunitRunnerVersion = "3.1.5";

    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        // Empty files stop MSBuild's upward search, so nothing from /tmp or above (nor the repo) is imported.
        ["Directory.Build.props"] = """
            <Project>
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <InvariantGlobalization>true</InvariantGlobalization>
              </PropertyGroup>
            </Project>
            """,
        ["Directory.Build.targets"] = "<Project />",
        ["Directory.Packages.props"] = "<Project />",
        ["All.slnx"] = """
            <Solution>
              <Project Path="Shapes/App/Shapes.App.csproj" />
              <Project Path="Shapes/Geometry/Shapes.Geometry.csproj" />
              <Project Path="Shapes/Text/Shapes.Text.csproj" />
              <Project Path="ActivityApp/ActivityApp.csproj" />
              <Project Path="ActivityTests/ActivityTests.csproj" />
              <Project Path="PortApp/PortApp.csproj" />
              <Project Path="CacheApp/CacheApp.csproj" />
            </Solution>
            """,

        // (a) a console app and two class libraries: three csc runs, and MSBuild nodes with -m.
        ["Shapes/Shapes.slnx"] = """
            <Solution>
              <Project Path="App/Shapes.App.csproj" />
              <Project Path="Geometry/Shapes.Geometry.csproj" />
              <Project Path="Text/Shapes.Text.csproj" />
            </Solution>
            """,
        ["Shapes/Geometry/Shapes.Geometry.csproj"] = """<Project Sdk="Microsoft.NET.Sdk" />""",
        ["Shapes/Text/Shapes.Text.csproj"] = """<Project Sdk="Microsoft.NET.Sdk" />""",
        ["Shapes/App/Shapes.App.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="../Geometry/Shapes.Geometry.csproj" />
                <ProjectReference Include="../Text/Shapes.Text.csproj" />
              </ItemGroup>
            </Project>
            """,
        ["Shapes/Geometry/Shapes.cs"] = """
            namespace Shapes.Geometry;

            public abstract record Shape(string Name)
            {
                public abstract double Area { get; }
                public abstract double Perimeter { get; }
            }

            public sealed record Circle(double Radius) : Shape("circle")
            {
                public override double Area => Math.PI * Radius * Radius;
                public override double Perimeter => 2 * Math.PI * Radius;
            }

            public sealed record Rectangle(double Width, double Height) : Shape("rectangle")
            {
                public override double Area => Width * Height;
                public override double Perimeter => 2 * (Width + Height);
            }

            public sealed record Triangle(double A, double B, double C) : Shape("triangle")
            {
                public override double Perimeter => A + B + C;
                public override double Area
                {
                    get
                    {
                        var s = Perimeter / 2;
                        return Math.Sqrt(s * (s - A) * (s - B) * (s - C));
                    }
                }
            }
            """,
        ["Shapes/Geometry/Registry.cs"] = """
            namespace Shapes.Geometry;

            public sealed class Registry<T> where T : Shape
            {
                private readonly Dictionary<string, List<T>> _byName = new();

                public void Add(T shape)
                {
                    if (!_byName.TryGetValue(shape.Name, out var list)) _byName[shape.Name] = list = new List<T>();
                    list.Add(shape);
                }

                public IEnumerable<(string Name, int Count, double TotalArea)> Summary() =>
                    _byName.OrderBy(p => p.Key).Select(p => (p.Key, p.Value.Count, p.Value.Sum(s => s.Area)));

                public T? Largest() => _byName.Values.SelectMany(l => l).MaxBy(s => s.Area);
            }
            """,
        ["Shapes/Text/Table.cs"] = """
            using System.Text;

            namespace Shapes.Text;

            public sealed class Table(params string[] headers)
            {
                private readonly List<string[]> _rows = new();

                public Table Add(params object[] cells)
                {
                    _rows.Add(cells.Select(Format).ToArray());
                    return this;
                }

                public override string ToString()
                {
                    var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
                    var text = new StringBuilder();
                    Line(text, headers, widths);
                    text.AppendLine(string.Join("-+-", widths.Select(w => new string('-', w))));
                    foreach (var row in _rows) Line(text, row, widths);
                    return text.ToString();
                }

                private static void Line(StringBuilder text, IReadOnlyList<string> cells, int[] widths) =>
                    text.AppendLine(string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))));

                private static string Format(object cell) => cell switch
                {
                    double d => d.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    _ => cell.ToString() ?? "",
                };
            }
            """,
        ["Shapes/Text/Words.cs"] = """
            namespace Shapes.Text;

            public static class Words
            {
                public static string Plural(string word, int count) => count == 1 ? word : word + "s";

                public static string Title(string text) =>
                    string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                        .Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
            }
            """,
        ["Shapes/App/Program.cs"] = """
            using Shapes.Geometry;
            using Shapes.Text;

            var registry = new Registry<Shape>();
            for (var i = 1; i <= 10; i++)
            {
                registry.Add(new Circle(i));
                registry.Add(new Rectangle(i, i + 1));
                registry.Add(new Triangle(3 * i, 4 * i, 5 * i));
            }
            var table = new Table("shape", "count", "area");
            foreach (var (name, count, area) in registry.Summary())
                table.Add(Words.Title(Words.Plural(name, count)), count, area);
            Console.Write(table);
            Console.WriteLine($"largest: {registry.Largest()}");
            """,

        // (b) named activities that allocate, for a few seconds; "--spawn N" starts N short-lived .NET children instead,
        // "--orphan" one that outlives it.
        ["ActivityApp/ActivityApp.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
            </Project>
            """,
        ["ActivityApp/Program.cs"] = """
            using System.Diagnostics;
            using System.Globalization;

            var source = new ActivitySource("Fixture.Orders");
            if (args is ["--child"])
            {
                using (source.StartActivity("ChildWork")) GC.KeepAlive(new byte[64 * 1024]);
                return 0;
            }
            if (args is ["--orphan"])
            {
                // A child that outlives its parent, as a server started by a script does.
                using var orphan = Process.Start(Environment.ProcessPath!, [Environment.GetCommandLineArgs()[0], "4"]);
                Console.WriteLine($"left {orphan.Id} running");
                return 0;
            }
            if (args is ["--spawn", var n])
            {
                var codes = new int[int.Parse(n, CultureInfo.InvariantCulture)];
                Parallel.For(0, codes.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
                {
                    using var child = Process.Start(Environment.ProcessPath!, [Environment.GetCommandLineArgs()[0], "--child"]);
                    child.WaitForExit();
                    codes[i] = child.ExitCode;
                });
                Console.WriteLine($"{codes.Count(c => c == 0)} of {codes.Length} children exited 0");
                return codes.All(c => c == 0) ? 0 : 1;
            }

            var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
            var clock = Stopwatch.StartNew();
            var orders = 0;
            var kept = new List<string>();
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                using (source.StartActivity("ParseOrder"))
                    kept.AddRange(Enumerable.Range(0, 200).Select(i => $"order {orders}-{i}"));
                using (source.StartActivity("PriceOrder"))
                    GC.KeepAlive(new decimal[20_000]);
                // Collected on purpose: a gen-0 budget is sized from the L3 cache and may never fill here.
                if (++orders % 10 == 0) GC.Collect(0);
                if (kept.Count > 100_000) kept.Clear();
                Thread.Sleep(20);
            }
            Console.WriteLine($"made {orders} orders");
            return 0;
            """,

        // (c) xunit tests whose code starts activities.
        ["ActivityTests/ActivityTests.csproj"] = $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><IsPackable>false</IsPackable><IsTestProject>true</IsTestProject></PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{TestSdkVersion}" />
                <PackageReference Include="xunit" Version="{XunitVersion}" />
                <PackageReference Include="xunit.runner.visualstudio" Version="{XunitRunnerVersion}" />
              </ItemGroup>
              <ItemGroup><Using Include="Xunit" /></ItemGroup>
            </Project>
            """,
        ["ActivityTests/CheckoutTests.cs"] = """
            using System.Diagnostics;

            public class CheckoutTests
            {
                private static readonly ActivitySource Source = new("Fixture.Tests");

                [Fact]
                public void A_basket_totals_its_lines()
                {
                    for (var round = 0; round < 20; round++)
                    {
                        using var activity = Source.StartActivity("TestCheckout");
                        var lines = Enumerable.Range(1, 1000).Select(i => new decimal[] { i, 2 }).ToList();
                        Assert.Equal(1001000m, lines.Sum(l => l[0] * l[1]));
                        Thread.Sleep(50);
                    }
                }

                [Fact]
                public void A_discount_never_makes_a_price_negative()
                {
                    for (var round = 0; round < 20; round++)
                    {
                        using var activity = Source.StartActivity("TestDiscount");
                        var prices = Enumerable.Range(0, 1000).Select(i => Math.Max(0, i - 500)).ToArray();
                        Assert.All(prices, p => Assert.True(p >= 0));
                        Thread.Sleep(50);
                    }
                }
            }
            """,

        // (d) for diagnostic ports: its very first call is a bracket around a GC, then it works for N seconds.
        ["PortApp/PortApp.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
            </Project>
            """,
        ["PortApp/Program.cs"] = """
            using System.Diagnostics;
            using System.Globalization;

            var source = new ActivitySource("Fixture.Port");
            using (source.StartActivity("FirstCall"))
            {
                GC.KeepAlive(new byte[100_000]);
                GC.Collect();
            }
            Console.WriteLine("ready");
            var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 3;
            var clock = Stopwatch.StartNew();
            for (var tick = 1; clock.Elapsed.TotalSeconds < seconds; tick++)
            {
                using (source.StartActivity("Tick")) GC.KeepAlive(new string('x', 50_000));
                if (tick % 5 == 0) GC.Collect(0);
                Thread.Sleep(50);
            }
            Console.WriteLine("done");
            """,

        // (e) a leak of the commonest kind: a cache class whose static dictionary grows on each "request"; another
        // class has a static of the same name, so the field's name alone does not tell its class.
        ["CacheApp/CacheApp.csproj"] = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>
            </Project>
            """,
        ["CacheApp/Program.cs"] = """
            using Shop;

            Console.WriteLine("ready");
            for (var request = 0; request < 3000; request++)
            {
                ResponseCache.Remember($"/page/{request}", new byte[256 * 1024]);
                PriceList.Remember(request);
                Thread.Sleep(20);
            }
            """,
        ["CacheApp/Shop.cs"] = """
            namespace Shop;

            public static class ResponseCache
            {
                private static readonly Dictionary<string, byte[]> Entries = new();
                public static void Remember(string url, byte[] body) => Entries[url] = body;
            }

            public static class PriceList
            {
                private static readonly List<int> Entries = new();
                public static void Remember(int price) => Entries.Add(price);
            }
            """,
    };
}
