// What an element standing alone (its own `api` and `space` attributes, no `<cowork-space>`)
// needs to reach the API: the shared connection (client, session, space) and the context
// provision for the elements it embeds. Imported on demand by SpaceController, so elements
// inside a `<cowork-space>` never load the client's HTTP code a second time.
export { connect } from '../context/connection.ts';
export { ContextProvision } from '../context/provide.ts';
