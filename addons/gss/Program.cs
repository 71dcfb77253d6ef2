using Addons.Gss.Service;

return await GssProgram.RunAsync(args, Environment.GetEnvironmentVariable, Console.Out, CancellationToken.None);
