using Addons.Footprint;

// The footprint harness: dotnet run --project shared/Addons.Footprint -c Release -- [--quick]
var options = HarnessOptions.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine($"footprint: {error}");
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await new Harness(RepoPaths.FindRoot(), options).RunAsync(cts.Token).ConfigureAwait(false);
