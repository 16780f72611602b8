using PublicEdu.Generator.Cli;

return await CommandLine.RunAsync(args);
