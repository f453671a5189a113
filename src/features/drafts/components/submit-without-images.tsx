// Asked once per draft that lost images on the way, before Submit sends it without them.
import { Button } from "../../../components/button";
import { Dialog } from "../../../components/dialog";

export function SubmitWithoutImagesDialog({
  open,
  onAnswer,
}: {
  open: boolean;
  onAnswer(submit: boolean): void;
}) {
  return (
    <Dialog
      open={open}
      onClose={() => onAnswer(false)}
      title="Submit without the images?"
      description="Some starts of this draft had an image where it came from, and it did not come along. Without one, the model makes up the first frame."
      closeLabel={null}
      footer={
        <>
          <Button onClick={() => onAnswer(false)}>Add the images first</Button>
          <Button variant="primary" onClick={() => onAnswer(true)}>
            Submit without them
          </Button>
        </>
      }
    >
      <p className="px-5 py-4 text-sm">
        You are asked this once for this draft: after you submit without them, Submit does not ask
        again.
      </p>
    </Dialog>
  );
}
