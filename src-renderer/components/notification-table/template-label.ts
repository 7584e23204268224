/**
 * How a template is named wherever one appears: its name and version (`Appointment reminder (v2)`),
 * or the version alone while the name is not known.
 */

/** The key a name is looked up by: one template at one version. */
export const templateNameKey = (id: string, version: number): string => `${id}@${version}`;

export function templateLabel(name: string | null | undefined, version: number): string {
  return name ? `${name} (v${version})` : `v${version}`;
}

/** `Password reset (v3, v2)`: a name with every version a group holds, newest first. */
export function templateLabelWithVersions(
  name: string | null | undefined,
  versions: readonly number[],
): string {
  const list = versions.map((v) => `v${v}`).join(', ');
  if (!name) return list;
  return list ? `${name} (${list})` : name;
}
