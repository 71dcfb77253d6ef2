namespace Addons.Kit.Tests.Logging;

/// <summary>Tests that swap <see cref="Console.Out"/>/<see cref="Console.Error"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleRedirection
{
    public const string Name = "console redirection";

    public static (string Stdout, string Stderr) Capture(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (oldOut, oldError) = (Console.Out, Console.Error);
        // Never disposed: another test's thread may still hold Console.Out/Error from the capture window and
        // write to it afterwards; a disposed writer would throw there.
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Console.SetOut(TextWriter.Synchronized(stdout));
        Console.SetError(TextWriter.Synchronized(stderr));
        try
        {
            action();
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }

        return (stdout.ToString(), stderr.ToString());
    }
}
