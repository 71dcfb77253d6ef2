using Addons.Karc.Cli;

// Ctrl+C cancels the command in flight; the controller installs the kit's own signal handling.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await KarcCli.RunAsync(args, CliRuntime.System(), cancel.Token);
