// A package registry on the loopback address for the packed-package tests:
// it serves the packages it is given (tarballs packed by `npm pack` from a
// folder) to a real `npm install`, so that npm resolves version ranges,
// dedupes and nests exactly as it does for a user — dualts' own TypeScript 6
// beside a project's TypeScript 7, say. Nothing is fetched from outside this
// machine; a package it was not given is a 404 (npm skips a missing optional
// dependency, such as another platform's TypeScript 7 binary).

import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";

/** One packed version: its package.json, and the tarball's file, checksums and contents from `npm pack --json`. */
export interface Packed {
  readonly manifest: Record<string, unknown> & { name: string; version: string };
  readonly file: string;
  readonly integrity: string;
  readonly shasum: string;
  readonly files: string[];
}

interface PackOutput {
  readonly filename: string;
  readonly files: { path: string }[];
  readonly integrity: string;
  readonly shasum: string;
}

export interface LocalRegistry {
  /** The registry's URL, for `npm install --registry`. */
  readonly url: string;
  /** Every request npm made, as "GET /name → status", for a failing test to show. */
  readonly log: string[];
  close(): Promise<void>;
}

/** Packs package folders into `dest` with the given npm, each in its own process, side by side; resolves with each folder's packed version. */
export async function packFolders(npm: (args: string[], cwd: string) => Promise<{ status: number; stdout: string; stderr: string }>, folders: readonly string[], dest: string): Promise<Packed[]> {
  return Promise.all(
    folders.map(async (folder) => {
      const r = await npm(["pack", "--json", "--ignore-scripts", "--pack-destination", dest, folder], dest);
      if (r.status !== 0) throw new Error(`npm pack ${folder} failed:\n${r.stdout}\n${r.stderr}`);
      const [out] = JSON.parse(r.stdout) as PackOutput[];
      return {
        manifest: JSON.parse(readFileSync(join(folder, "package.json"), "utf8")) as Packed["manifest"],
        file: join(dest, out.filename),
        integrity: out.integrity,
        shasum: out.shasum,
        files: out.files.map((f) => f.path),
      };
    }),
  );
}

/** Serves the packed versions on 127.0.0.1 until closed. */
export async function startLocalRegistry(packages: readonly Packed[]): Promise<LocalRegistry> {
  const log: string[] = [];
  const byName = new Map<string, Packed[]>();
  for (const p of packages) byName.set(p.manifest.name, [...(byName.get(p.manifest.name) ?? []), p]);
  const tarballs = new Map(packages.map((p) => [`/-/${encodeURIComponent(p.manifest.name)}/${p.manifest.version}.tgz`, p]));
  let url = "";

  const server: Server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    const send = (status: number, body: string | Buffer, type = "application/json") => {
      log.push(`${request.method} ${path} → ${status}`);
      response.writeHead(status, { "content-type": type });
      response.end(body);
    };
    const tarball = tarballs.get(path);
    if (tarball) return send(200, readFileSync(tarball.file), "application/octet-stream");
    const versions = byName.get(decodeURIComponent(path.slice(1)));
    if (!versions) return send(404, JSON.stringify({ error: "not found" }));
    const sorted = [...versions].sort((a, b) => a.manifest.version.localeCompare(b.manifest.version, "en", { numeric: true }));
    const packument = {
      name: sorted[0].manifest.name,
      "dist-tags": { latest: sorted[sorted.length - 1].manifest.version },
      versions: Object.fromEntries(
        sorted.map((p) => [
          p.manifest.version,
          {
            ...p.manifest,
            dist: { tarball: `${url}-/${encodeURIComponent(p.manifest.name)}/${p.manifest.version}.tgz`, integrity: p.integrity, shasum: p.shasum },
          },
        ]),
      ),
    };
    return send(200, JSON.stringify(packument));
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return {
    url,
    log,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
