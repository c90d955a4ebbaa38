import { Center } from '@mantine/core';
import { Loading } from '../Loading';

/** A page (or the whole app, `fullScreen`) waiting for what it shows. */
export function PageLoader({ fullScreen = false }: { fullScreen?: boolean }) {
  return (
    <Center h={fullScreen ? '100vh' : 240}>
      <Loading />
    </Center>
  );
}
