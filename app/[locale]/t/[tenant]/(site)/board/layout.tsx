// The board's pages share the console's frame (navigation, account, sign-out).
export { default } from "../admin/layout";
