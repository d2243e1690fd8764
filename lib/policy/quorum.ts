import type { BoardQuorum } from "../db/generated/enums";

export const BOARD_QUORUMS = ["MAJORITY", "TWO_THIRDS", "ALL"] as const satisfies readonly BoardQuorum[];

/** Approving votes a decision needs, out of the board's current members. */
export function requiredApprovals(rule: BoardQuorum, boardSize: number): number {
  if (boardSize <= 0) return 1;
  switch (rule) {
    case "MAJORITY":
      return Math.floor(boardSize / 2) + 1;
    case "TWO_THIRDS":
      return Math.ceil((2 * boardSize) / 3);
    case "ALL":
      return boardSize;
  }
}

export type Tally = { approvals: number; rejections: number; required: number; boardSize: number };

/** The outcome the votes allow: approved once approvals reach the quorum, rejected once they no
 * longer can (too many rejections), otherwise no decision yet. */
export function outcomeOf({ approvals, rejections, required, boardSize }: Tally): "APPROVED" | "REJECTED" | null {
  if (approvals >= required) return "APPROVED";
  if (boardSize - rejections < required) return "REJECTED";
  return null;
}

/** Counts the votes of current board members only (someone who left the board no longer
 * counts) against the association's rule. */
export function tallyVotes(votes: readonly { userId: string; choice: string }[], boardIds: readonly string[], rule: BoardQuorum): Tally {
  const counted = votes.filter((vote) => boardIds.includes(vote.userId));
  return {
    approvals: counted.filter((v) => v.choice === "APPROVE").length,
    rejections: counted.filter((v) => v.choice === "REJECT").length,
    required: requiredApprovals(rule, boardIds.length),
    boardSize: boardIds.length,
  };
}
