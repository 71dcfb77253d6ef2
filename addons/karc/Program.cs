using System.Runtime.InteropServices;
using Addons.Karc.Cli;

// From the first instruction on, SIGTERM and SIGINT (Ctrl+C) cancel the command in flight — also in the window before
// the controller's host has installed its own signal handling — so an early stop is a clean exit, never a stack trace.
using var cancel = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}

using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

return await KarcCli.RunAsync(args, CliRuntime.System(), cancel.Token);
