/** The domain of an e-mail address, lower case (everything after the last "@"); null without an address. */
export function domainOf(address: string | null): string | null {
  return address ? address.slice(address.lastIndexOf('@') + 1).toLowerCase() : null;
}
