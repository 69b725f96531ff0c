// A target whose every text is hostile (see HostileText): its ActivitySource's name and its span names, a type on its
// heap, each line it writes to stdout and stderr, and what it writes to its terminal if it has one. It spans a call a
// second and runs at most 5 minutes.
using System.Diagnostics;
using System.Reflection;
using System.Reflection.Emit;
using TuiProf.HostileTarget;

// Straight to the terminal, past the pipes of its output, if it has one to write to (a session of its own has none).
try { File.WriteAllText("/dev/tty", HostileText.Text); }
catch (Exception e) { Console.Error.WriteLine($"no terminal: {e.Message}"); }
var source = new ActivitySource("Source" + HostileText.Text);
var module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Hostile"), AssemblyBuilderAccess.Run).DefineDynamicModule("Hostile");
var type = module.DefineType("Leak" + HostileText.Text, TypeAttributes.Public).CreateType();
var kept = Enumerable.Range(0, 50_000).Select(_ => Activator.CreateInstance(type)).ToList();
Console.WriteLine($"ready{HostileText.Text}{HostileText.End}");
for (var running = Stopwatch.StartNew(); running.Elapsed < TimeSpan.FromMinutes(5);)
{
    using (source.StartActivity("Span" + HostileText.Text))
    {
        kept.Add(Activator.CreateInstance(type));
        Thread.Sleep(1000);
    }
    Console.WriteLine($"out{HostileText.Text}{HostileText.End}");
    Console.Error.WriteLine($"err{HostileText.Text}{HostileText.End}");
    Thread.Sleep(200);
}
GC.KeepAlive(kept);

namespace TuiProf.HostileTarget
{
    /// <summary>What a hostile target puts in every text it gives: what would drive a terminal that took it raw.</summary>
    public static class HostileText
    {
        /// <summary>Sets the window title, turns the alternate screen off, writes the clipboard, reverses the text.</summary>
        public const string Text = "\u001b]0;PWNED\u0007\u001b[?1049l\u001b]52;c;UFdORUQ=\u0007\u202e";

        /// <summary>The same, as a terminal must show it (SafeText's spelling).</summary>
        public const string Shown = "^[]0;PWNED^G^[[?1049l^[]52;c;UFdORUQ=^G\\u202e";

        /// <summary>Ends each line the target writes, after <see cref="Text"/>: where it shows, the line was shown whole.</summary>
        public const string End = "-END-";
    }
}
