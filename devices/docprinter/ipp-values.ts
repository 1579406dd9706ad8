import type { IppAttribute, IppGroup, IppMessage, IppStringType, IppValue } from './ipp-types.js';

/** Builds an attribute of character-string values (keyword, name, text, uri, …). */
export function strings(type: IppStringType, name: string, ...values: string[]): IppAttribute {
  return { name, values: values.map((value) => ({ type, value })) };
}

/** Builds an integer attribute. */
export function integer(name: string, ...values: number[]): IppAttribute {
  return { name, values: values.map((value) => ({ type: 'integer', value })) };
}

/** Builds a boolean attribute. */
export function boolean(name: string, value: boolean): IppAttribute {
  return { name, values: [{ type: 'boolean', value }] };
}

/** The first group with `tag`, if any. */
export function groupOf(message: IppMessage, tag: number): IppGroup | undefined {
  return message.groups.find((group) => group.tag === tag);
}

/** Every group with `tag`, in order (Get-Jobs answers one job group per job). */
export function groupsOf(message: IppMessage, tag: number): IppGroup[] {
  return message.groups.filter((group) => group.tag === tag);
}

/** The named attribute of a group, if present. */
export function attributeOf(group: IppGroup | undefined, name: string): IppAttribute | undefined {
  return group?.attributes.find((attribute) => attribute.name === name);
}

/** A value as a string when it has a character-string syntax, else undefined. */
export function stringValue(value: IppValue | undefined): string | undefined {
  if (value === undefined) return undefined;
  switch (value.type) {
    case 'text':
    case 'name':
    case 'keyword':
    case 'uri':
    case 'uriScheme':
    case 'charset':
    case 'naturalLanguage':
    case 'mimeMediaType':
    case 'textWithLanguage':
    case 'nameWithLanguage':
      return value.value;
    default:
      return undefined;
  }
}

/** A value as a number when it is an integer or enum, else undefined. */
export function numberValue(value: IppValue | undefined): number | undefined {
  return value?.type === 'integer' || value?.type === 'enum' ? value.value : undefined;
}

/** The first value of a named attribute as a string. */
export function readString(group: IppGroup | undefined, name: string): string | undefined {
  return stringValue(attributeOf(group, name)?.values[0]);
}

/** Every value of a named attribute that is a string (a 1setOf keyword, …). */
export function readStrings(group: IppGroup | undefined, name: string): string[] {
  const values = attributeOf(group, name)?.values ?? [];
  return values.map(stringValue).filter((value): value is string => value !== undefined);
}

/** The first value of a named attribute as a number (integer or enum). */
export function readNumber(group: IppGroup | undefined, name: string): number | undefined {
  return numberValue(attributeOf(group, name)?.values[0]);
}

/** Every integer/enum value of a named attribute. */
export function readNumbers(group: IppGroup | undefined, name: string): number[] {
  const values = attributeOf(group, name)?.values ?? [];
  return values.map(numberValue).filter((value): value is number => value !== undefined);
}

/** The first value of a named attribute as a boolean. */
export function readBoolean(group: IppGroup | undefined, name: string): boolean | undefined {
  const value = attributeOf(group, name)?.values[0];
  return value?.type === 'boolean' ? value.value : undefined;
}
