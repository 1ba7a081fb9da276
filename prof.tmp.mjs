process.on("SIGINT", () => process.exit(0)); process.on("SIGTERM", () => process.exit(0)); await import("./server/index.ts");
