/** What a cart line's quantity or remove form shows after the server answered: null, or why it was refused. */
export interface CartLineState {
  message: string | null;
}
