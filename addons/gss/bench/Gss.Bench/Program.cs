using Addons.Gss.Bench;

return await GssBenchmark.RunAsync(args, CancellationToken.None);
