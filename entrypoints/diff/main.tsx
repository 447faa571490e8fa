import { render } from 'preact';
import { ClaimmarkDatabase } from '@/lib/storage/database';
import { decodeDiffAddress } from '@/lib/versions/diff-address';
import { DiffPage } from './DiffPage';
import './style.css';

const root = document.getElementById('app');
if (root) {
  render(
    <DiffPage db={new ClaimmarkDatabase()} address={decodeDiffAddress(location.search)} />,
    root,
  );
}
