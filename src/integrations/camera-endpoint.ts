/** Where the dev server takes a picked camera: the picker panel posts to it, the camera-picker integration answers. */
export const CAMERA_ENDPOINT = '/__storymap/camera';
